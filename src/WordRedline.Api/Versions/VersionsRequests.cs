using FluentValidation;
using Microsoft.Extensions.Options;
using WordRedline.Api.Hosting;
using WordRedline.Core;
using WordRedline.Versions;

namespace WordRedline.Api.Versions;

/// <param name="Title">The contract's title; read from the first version when absent.</param>
/// <param name="PartyName">The user's legal name as letters write it; read from the preamble when absent.</param>
/// <param name="CounterpartyName">The other side's legal name; read from the preamble when absent.</param>
/// <param name="StoreText">Keep the full text of each version (default false: only the fingerprint and the AI-related clauses).</param>
internal sealed record ContractRequest(string? Title = null, string? PartyName = null, string? CounterpartyName = null, bool? StoreText = null)
{
    public ContractInput ToInput() => new() { Title = Title, PartyName = PartyName, CounterpartyName = CounterpartyName, StoreText = StoreText };
}

/// <param name="Paragraphs">The document's paragraphs, as for analyze.</param>
/// <param name="Party">The side the user represents; detected when absent.</param>
/// <param name="Source">"pane", "accept-all" or "api" (default).</param>
/// <param name="Decisions">Suggestions accepted or rejected since the last version.</param>
internal sealed record SaveVersionRequest(
    IReadOnlyList<ParagraphInput> Paragraphs, string? Party = null, string? Source = null, IReadOnlyList<ChangeDecision>? Decisions = null)
{
    public VersionInput ToInput() => new()
    {
        Paragraphs = Paragraphs,
        Party = Party,
        Source = Source ?? "api",
        Decisions = Decisions ?? [],
    };

    /// <summary>The same request as analyze would get, for the shared paragraph checks.</summary>
    public AnalyzeRequest ToAnalyzeRequest() => new() { Paragraphs = Paragraphs, Party = Party };
}

/// <param name="SignedOn">The date the version was signed (yyyy-MM-dd); today when absent.</param>
internal sealed record SignRequest(string? SignedOn = null);

internal sealed class ContractRequestValidator : AbstractValidator<ContractRequest>
{
    public ContractRequestValidator()
    {
        RuleFor(r => r.Title).MaximumLength(RecordLimits.Name);
        RuleFor(r => r.PartyName).MaximumLength(RecordLimits.Name);
        RuleFor(r => r.CounterpartyName).MaximumLength(RecordLimits.Name);
    }
}

internal sealed class SaveVersionRequestValidator : AbstractValidator<SaveVersionRequest>
{
    public SaveVersionRequestValidator(IValidator<AnalyzeRequest> analyze)
    {
        // The paragraphs meet exactly the limits analyze has (count, size, unique ids), with the same messages.
        RuleFor(r => r).Custom((request, context) =>
        {
            foreach (var failure in analyze.Validate(request.ToAnalyzeRequest()).Errors)
            {
                context.AddFailure(failure);
            }
        });
        RuleFor(r => r.Source)
            .Must(source => source is null || VersionSourceNames.Accepted.Contains(source))
            .WithMessage($"Source must be one of {string.Join(", ", VersionSourceNames.Accepted)}.");
        RuleFor(r => r.Decisions).Must(d => d is null || d.Count <= RecordLimits.Decisions)
            .WithMessage($"Send at most {RecordLimits.Decisions} decisions.");
        RuleForEach(r => r.Decisions).ChildRules(decision =>
        {
            decision.RuleFor(d => d.RuleId).NotEmpty().MaximumLength(200);
            decision.RuleFor(d => d.ParagraphId).NotEmpty().MaximumLength(200);
            decision.RuleFor(d => d.Status).Must(s => s is RecordChange.Accepted or RecordChange.Rejected)
                .WithMessage($"Status must be \"{RecordChange.Accepted}\" or \"{RecordChange.Rejected}\".");
            decision.RuleFor(d => d.Title).MaximumLength(RecordLimits.DecisionText);
            decision.RuleFor(d => d.Comment).MaximumLength(RecordLimits.DecisionText);
            decision.RuleFor(d => d.Wording).MaximumLength(RecordLimits.DecisionText);
        });
    }
}

internal sealed class SignRequestValidator : AbstractValidator<SignRequest>
{
    public SignRequestValidator()
    {
        RuleFor(r => r.SignedOn)
            .Must(date => date is null || VersionsApi.TryParseDate(date, out _))
            .WithMessage("SignedOn must be a date written yyyy-MM-dd.");
    }
}

internal static class VersionSourceNames
{
    /// <summary>Where a version may come from through the API ("cli" is the CLI's own).</summary>
    public static readonly string[] Accepted = ["pane", "accept-all", "api"];
}
