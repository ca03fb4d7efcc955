using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WordRedline.Api.Hosting;
using WordRedline.Core;

namespace WordRedline.Api.Diff;

/// <param name="Text">The paragraph's text as the engine saw it (the accepted view of any tracked changes).</param>
/// <param name="Edits">The intended edits in that text's UTF-16 offsets (sorted or not; they must not overlap).</param>
internal sealed record ChangesRequest(string Text, IReadOnlyList<Edit> Edits);

/// <param name="Changes">The same edits as the word-level redline (whole words struck or inserted), in the text's
/// offsets, sorted: exactly what the task pane writes as tracked changes.</param>
internal sealed record ChangesResponse(IReadOnlyList<Edit> Changes);

/// <summary>The word-level redline for wording the user changed before accepting, from the engine's own diff, so the
/// pane never computes a redline of its own.</summary>
internal static class DiffApi
{
    public static RouteGroupBuilder MapDiffApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1", "Diff");
        group.MapPost("/changes", Changes)
            .WithValidation<ChangesRequest>()
            .WithJsonBodyErrors()
            .WithSummary("Turn edits on one paragraph into the word-level changes a reviewer sees");
        return group;
    }

    internal static Ok<ChangesResponse> Changes(ChangesRequest request) =>
        TypedResults.Ok(new ChangesResponse(WordDiff.Changes(request.Text, request.Edits)));
}

internal sealed class ChangesRequestValidator : AbstractValidator<ChangesRequest>
{
    /// <summary>Edits per paragraph: a finding proposes a handful; this bounds the diff's work per request.</summary>
    public const int MaxEdits = 100;

    public ChangesRequestValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(request => request.Text)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Send the paragraph's text.")
            .Must(text => text.Length <= limits.MaxParagraphChars)
            .WithMessage($"The text is longer than {limits.MaxParagraphChars} characters (WordRedline:Limits:MaxParagraphChars).");
        RuleFor(request => request.Edits)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Send at least one edit.")
            .Must(edits => edits.Count <= MaxEdits).WithMessage($"Send at most {MaxEdits} edits.")
            .Custom((edits, context) => CheckEdits(context.InstanceToValidate.Text ?? "", edits, limits, context));
    }

    /// <summary>Each edit inside the text and clear of the others (an insertion may sit at either end of a
    /// replacement, or beside another insertion), and no replacement over the paragraph limit.</summary>
    private static void CheckEdits(string text, IReadOnlyList<Edit> edits, LimitsOptions limits, ValidationContext<ChangesRequest> context)
    {
        var sorted = new List<(int Index, Edit Edit)>(edits.Count);
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i];
            var name = $"edits[{i}]";
            if (edit is null)
            {
                context.AddFailure(name, "An edit cannot be null.");
            }
            else if (edit.Start < 0 || edit.Length < 0 || edit.Start > text.Length - edit.Length)
            {
                context.AddFailure(name, $"The edit ({edit.Start}, {edit.Length}) is outside the text (length {text.Length}).");
            }
            else if (edit.Replacement is null || edit.Replacement.Length > limits.MaxParagraphChars)
            {
                context.AddFailure($"{name}.replacement", $"Send a replacement of at most {limits.MaxParagraphChars} characters (empty deletes).");
            }
            else
            {
                sorted.Add((i, edit));
            }
        }

        sorted.Sort((a, b) => a.Edit.Start != b.Edit.Start ? a.Edit.Start.CompareTo(b.Edit.Start) : a.Edit.Length.CompareTo(b.Edit.Length));
        for (var k = 1; k < sorted.Count; k++)
        {
            var (previousIndex, previous) = sorted[k - 1];
            var (index, edit) = sorted[k];
            if (edit.Start < previous.Start + previous.Length)
            {
                context.AddFailure($"edits[{index}]", $"The edit overlaps edits[{previousIndex}].");
            }
        }
    }
}
