using System.Text.Json;
using FluentValidation;
using WordRedline.Core;

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

/// <summary>The rules every short text field shares: a length limit, no control characters (they cannot be written
/// into a Word document, and a NUL or an escape in a name is never meant), and messages that never quote the value,
/// which can be megabytes long or someone else's text.</summary>
internal static class Fields
{
    /// <summary>A paragraph id: the pane's Word ids and the .docx reader's paths are far shorter.</summary>
    public const int MaxIdLength = 256;

    public const int MaxPlaybookIdLength = 100;

    public static bool IsPlain(string? text) =>
        text is null || !text.Any(c => char.IsControl(c) || c is '\uFFFE' or '\uFFFF');

    /// <summary>At most <paramref name="maxLength"/> characters and none of them a control character.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilderInitial<T, string?> rule, int maxLength) => rule
        .Cascade(CascadeMode.Stop)
        .MaximumLength(maxLength)
        .Must(IsPlain).WithMessage("{PropertyName} cannot contain control characters.");

    /// <summary>The id of a playbook the engine has; an unknown one is answered with the known ids.</summary>
    public static IRuleBuilderOptions<T, string?> KnownPlaybook<T>(this IRuleBuilderInitial<T, string?> rule, ClauseEngine engine) => rule
        .Cascade(CascadeMode.Stop)
        .MaximumLength(MaxPlaybookIdLength)
        .Must(id => id is null || engine.HasPlaybook(id))
        .WithMessage($"Unknown playbook. Known: {string.Join(", ", engine.PlaybookIds)}.");
}
