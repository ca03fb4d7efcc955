using System.Text.Json;
using FluentValidation;

namespace WordRedline.Api.Hosting;

/// <summary>The one place FluentValidation meets HTTP.</summary>
internal static class Validation
{
    public static void AddWordRedlineValidation(this WebApplicationBuilder builder) =>
        // Validators hold nothing per request (options and the engine), so one instance serves all.
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);

    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument and answers 400 with field errors.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) where T : class => builder
        .AddEndpointFilter<ValidationFilter<T>>()
        .ProducesValidationProblem();
}

internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<T>().Single();
        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : TypedResults.ValidationProblem(CamelCaseKeys(result.ToDictionary()));
    }

    /// <summary>"Paragraphs[3].Text" becomes "paragraphs[3].text", the name the caller's JSON uses.</summary>
    private static Dictionary<string, string[]> CamelCaseKeys(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(
            error => string.Join('.', error.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)),
            error => error.Value,
            StringComparer.Ordinal);
}

/// <summary>Limits on the defined terms a caller can pass (party, counterparty, work term).</summary>
internal static class Terms
{
    public const int MaxLength = 200;
}
