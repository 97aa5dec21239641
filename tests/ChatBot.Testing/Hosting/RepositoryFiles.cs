namespace ChatBot.Testing.Hosting;

/// <summary>The repository checkout the tests run from: where README.md, docs/ and the deployment files live.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatBot.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ChatBot.sln not found above the test binaries");
    }
}
