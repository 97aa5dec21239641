using System.Text.Json;
using ChatBot.Agent.Monitors;

namespace ChatBot.Agent.Tests.Monitors;

public sealed class OutputSchemaTests
{
    private const string Schema = """
        {"type":"json","json_schema":{"type":"object","properties":{
          "company_name":{"type":"string","description":"Company"},
          "sentiment":{"type":"string","enum":["positive","negative"]}},"required":["company_name"]}}
        """;

    [Theory]
    [InlineData("""{"company_name":"Acme","sentiment":"positive"}""", null)]
    [InlineData("""{"company_name":"Acme"}""", null)]
    [InlineData("""{"sentiment":"positive"}""", "\"company_name\" is required")]
    [InlineData("""{"company_name":"Acme","sentiment":"meh"}""", "\"sentiment\" must be one of positive, negative")]
    [InlineData("""{"company_name":3}""", "\"company_name\" must be a string")]
    [InlineData("""{"company_name":"Acme","extra":"x"}""", "\"extra\" is not in the schema")]
    [InlineData("""["Acme"]""", "the result is not a JSON object")]
    public void Results_are_checked_against_the_schema(string result, string? problem)
    {
        using var document = JsonDocument.Parse(result);

        Assert.Equal(problem, OutputSchema.Parse(Schema).Validate(document.RootElement));
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"n":{"type":"integer"}}}""", "must have type \"string\"")]
    [InlineData("""{"type":"object","properties":{}}""", "at least one property")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}""", "requires \"b\"")]
    [InlineData("not json", "not valid JSON")]
    public void Schemas_beyond_flat_strings_and_enums_are_refused_with_the_reason(string schema, string reason)
    {
        var failure = Assert.Throws<FormatException>(() => OutputSchema.Parse(schema));

        Assert.Contains(reason, failure.Message);
    }
}
