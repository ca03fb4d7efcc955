using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using WordRedline.Api.Hosting;
using WordRedline.Core;

namespace WordRedline.Api.Addendum;

/// <param name="Party">The protected party's defined term; the playbook's usual supplier term when absent.</param>
/// <param name="Counterparty">The other side's defined term; the playbook's usual recipient term when absent.</param>
/// <param name="WorkTerm">The defined term for the work; the playbook's first work term when absent.</param>
/// <param name="Format">"paragraphs" (styled, for the add-in to insert; the default) or "text".</param>
/// <param name="Playbook">The playbook whose addendum to render; the default playbook when absent.</param>
internal sealed record AddendumRequest(
    string? Party = null, string? Counterparty = null, string? WorkTerm = null, string? Format = null, string? Playbook = null);

/// <param name="Terms">The terms the addendum was rendered with, defaults filled in.</param>
/// <param name="Paragraphs">Title and clauses with Word built-in style names (format "paragraphs").</param>
/// <param name="Text">The addendum as plain text, one paragraph a line (format "text").</param>
/// <param name="ReferenceSentence">The sentence that makes the addendum part of the main agreement.</param>
internal sealed record AddendumResponse(
    string Format,
    AddendumTerms Terms,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SuggestedParagraph>? Paragraphs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    string ReferenceSentence);

internal static class AddendumApi
{
    public const string ParagraphsFormat = "paragraphs";
    public const string TextFormat = "text";

    public static RouteGroupBuilder MapAddendumApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1", "Addendum");
        group.MapPost("/addendum", Render)
            .WithValidation<AddendumRequest>()
            .WithJsonBodyErrors()
            .WithSummary("Render the AI Protection Addendum with the document's party and work terms");
        return group;
    }

    internal static Ok<AddendumResponse> Render(AddendumRequest request, ClauseEngine engine)
    {
        var playbook = engine.DefaultPlaybook;
        var terms = new AddendumTerms(
            request.Party ?? playbook.SupplierRoles[0],
            request.Counterparty ?? playbook.RecipientRoles[0],
            request.WorkTerm ?? playbook.WorkTerms[0]);
        var rendered = engine.RenderAddendum(terms, request.Playbook);
        return TypedResults.Ok(request.Format == TextFormat
            ? new AddendumResponse(TextFormat, terms, null, rendered.ToText(), rendered.ReferenceSentence)
            : new AddendumResponse(ParagraphsFormat, terms, rendered.Paragraphs, null, rendered.ReferenceSentence));
    }
}

internal sealed class AddendumRequestValidator : AbstractValidator<AddendumRequest>
{
    public AddendumRequestValidator(ClauseEngine engine)
    {
        RuleFor(request => request.Party).NotEmpty().When(request => request.Party is not null);
        RuleFor(request => request.Party).PlainText(Terms.MaxLength);
        RuleFor(request => request.Counterparty).NotEmpty().When(request => request.Counterparty is not null);
        RuleFor(request => request.Counterparty).PlainText(Terms.MaxLength);
        RuleFor(request => request.WorkTerm).NotEmpty().When(request => request.WorkTerm is not null);
        RuleFor(request => request.WorkTerm).PlainText(Terms.MaxLength);
        RuleFor(request => request.Format)
            .Must(format => format is null or AddendumApi.ParagraphsFormat or AddendumApi.TextFormat)
            .WithMessage($"Format must be \"{AddendumApi.ParagraphsFormat}\" or \"{AddendumApi.TextFormat}\".");
        RuleFor(request => request.Playbook).KnownPlaybook(engine);
    }
}
