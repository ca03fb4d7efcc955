using FluentValidation;
using WordRedline.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using WordRedline.Versions;

namespace WordRedline.Api.Versions;

/// <param name="Version">The version to draft from; the latest for a cover note, the signed one for the others.</param>
/// <param name="Format">"text" (default: subject and plain text, for the clipboard) or "docx" (a new Word document).</param>
/// <param name="Recipient">The person to address ("Ms Patel"); "Sir or Madam" when absent.</param>
/// <param name="Details">What you know, in your own words (the breach, or why you ask), set as its own paragraph.</param>
/// <param name="RespondWithinDays">Days the other side has to answer an audit request or a notice (default 14).</param>
/// <param name="Date">The letter's date (yyyy-MM-dd); today when absent.</param>
internal sealed record LetterRequest(
    int? Version = null, string? Format = null, string? Recipient = null, string? Details = null, int? RespondWithinDays = null, string? Date = null);

/// <summary>A drafted letter as text: WordRedline never sends it.</summary>
internal sealed record LetterText(string Kind, string Subject, string Text);

internal static class LettersApi
{
    public static void MapLetters(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/letters/{kind:regex(^(cover|audit|breach)$)}", Draft)
            .WithValidation<LetterRequest>()
            .WithJsonBodyErrors()
            .Produces(StatusCodes.Status200OK, contentType: VersionsApi.DocxType)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Draft a letter from a version: cover (the proposed changes), audit (data-usage questions) or breach (a formal notice citing the signed clause). Never sent.");

    internal static async Task<Results<Ok<LetterText>, FileContentHttpResult, ProblemHttpResult>> Draft(Guid id, string kind, LetterRequest request,
        Caller caller, CancellationToken cancellationToken)
    {
        var letterKind = kind switch
        {
            "audit" => LetterKind.Audit,
            "breach" => LetterKind.Breach,
            _ => LetterKind.Cover,
        };
        var options = new LetterOptions
        {
            Recipient = request.Recipient,
            Details = request.Details,
            RespondWithinDays = request.RespondWithinDays ?? 14,
            Date = request.Date is { } text && VersionsApi.TryParseDate(text, out var date) ? date : null,
        };
        await using var store = caller.Open();
        var drafted = await store.DraftLetterAsync(id, request.Version, letterKind, options, cancellationToken);
        if (drafted.Status != StoreStatus.Ok)
        {
            return TypedResults.Problem(detail: drafted.Message,
                statusCode: drafted.Status == StoreStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
        }

        var letter = drafted.Value!;
        if (request.Format == "docx")
        {
            var contract = await store.GetContractAsync(id, cancellationToken);
            var name = VersionsApi.FileName(contract?.Title, kind switch { "audit" => "audit-request", "breach" => "notice-of-breach", _ => "cover-note" });
            return TypedResults.File(letter.ToDocx(), VersionsApi.DocxType, $"{name}.docx");
        }

        return TypedResults.Ok(new LetterText(kind, letter.Subject, letter.ToText()));
    }
}

internal sealed class LetterRequestValidator : AbstractValidator<LetterRequest>
{
    public LetterRequestValidator()
    {
        RuleFor(r => r.Version).GreaterThan(0);
        RuleFor(r => r.Format).Must(f => f is null or "text" or "docx").WithMessage("Format must be \"text\" or \"docx\".");
        RuleFor(r => r.Recipient).MaximumLength(RecordLimits.Name);
        RuleFor(r => r.Details).MaximumLength(RecordLimits.DecisionText);
        RuleFor(r => r.RespondWithinDays).InclusiveBetween(1, 365);
        RuleFor(r => r.Date).Must(d => d is null || VersionsApi.TryParseDate(d, out _)).WithMessage("Date must be written yyyy-MM-dd.");
    }
}
