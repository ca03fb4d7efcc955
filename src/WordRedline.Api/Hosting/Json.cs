using WordRedline.Core;

namespace WordRedline.Api.Hosting;

internal static class Json
{
    public static void AddWordRedlineJson(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureHttpJsonOptions(options =>
            // The contract's source-generated metadata comes first, so the API reads and writes exactly the JSON
            // the CLI and the add-in do (camelCase, "usage-scope", "high"); the API's own small records fall
            // through to the framework's default resolver.
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, WordRedlineJson.Default));
}
