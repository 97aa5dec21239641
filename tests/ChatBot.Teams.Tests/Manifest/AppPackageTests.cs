using System.Diagnostics;
using System.IO.Compression;
using NJsonSchema;

namespace ChatBot.Teams.Tests.Manifest;

/// <summary>
/// The Teams app package: scripts/teams-package.sh zips manifests/teams/manifest.json with the two icons, and the
/// result validates against the official manifest schema (v1.17, pinned in this folder) with icons of the sizes
/// Teams requires.
/// </summary>
public sealed class AppPackageTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatBot.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ChatBot.sln not found above the test assembly");
    }

    private static async Task<JsonSchema> OfficialSchemaAsync() =>
        await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Manifest", "MicrosoftTeams.v1.17.schema.json")));

    [Fact]
    public async Task The_packaging_script_builds_a_zip_whose_manifest_validates_and_whose_icons_have_the_required_sizes()
    {
        var root = RepositoryRoot();
        const string appId = "5f2b7c1e-3d4a-4b8e-9c6d-2a1b0e9f8d7c";
        var work = Directory.CreateTempSubdirectory("teams-package-");
        try
        {
            var script = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "teams-package.sh"), appId, "bot.example.org"])
            {
                WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            await script.WaitForExitAsync();
            Assert.True(script.ExitCode == 0, await script.StandardError.ReadToEndAsync());
            var zipPath = Path.Combine(work.FullName, "chatbot-teams.zip");
            File.Move(Path.Combine(root, "chatbot-teams.zip"), zipPath);

            using var zip = ZipFile.OpenRead(zipPath);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            var manifest = await new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEndAsync();
            var errors = (await OfficialSchemaAsync()).Validate(manifest);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
            Assert.Contains(appId, manifest);
            Assert.Contains("bot.example.org", manifest);
            Assert.Equal((192, 192), PngSize(zip.GetEntry("color.png")!));
            Assert.Equal((32, 32), PngSize(zip.GetEntry("outline.png")!));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_manifest_missing_its_bot_id_is_caught_by_the_schema()
    {
        var manifest = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "manifests", "teams", "manifest.json"));
        var broken = manifest.Replace("\"botId\": \"00000000-0000-0000-0000-000000000000\",", "");

        Assert.NotEmpty((await OfficialSchemaAsync()).Validate(broken));
        Assert.Empty((await OfficialSchemaAsync()).Validate(manifest));
    }

    /// <summary>Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian).</summary>
    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], header[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
