using FluentValidation;
using Microsoft.Extensions.Options;
using WordRedline.Api.Hosting;
using WordRedline.Core;

namespace WordRedline.Api.Analyze;

internal sealed class AnalyzeRequestValidator : AbstractValidator<AnalyzeRequest>
{
    public AnalyzeRequestValidator(IOptions<LimitsOptions> options, ClauseEngine engine)
    {
        var limits = options.Value;
        RuleFor(request => request.Paragraphs)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Send at least one paragraph.")
            .Must(paragraphs => paragraphs.Count <= limits.MaxParagraphs)
            .WithMessage($"Send at most {limits.MaxParagraphs} paragraphs (WordRedline:Limits:MaxParagraphs).")
            .Custom((paragraphs, context) => CheckParagraphs(paragraphs, limits, context));
        RuleFor(request => request.Party).PlainText(Terms.MaxLength);
        RuleFor(request => request.Playbook).KnownPlaybook(engine);
    }

    /// <summary>One pass over what can be thousands of paragraphs: ids present, short, plain and unique, text present
    /// and within the per-paragraph and total limits. Messages name the index, never the id or the text.</summary>
    private static void CheckParagraphs(IReadOnlyList<ParagraphInput> paragraphs, LimitsOptions limits,
        ValidationContext<AnalyzeRequest> context)
    {
        var ids = new HashSet<string>(paragraphs.Count, StringComparer.Ordinal);
        var total = 0L;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            var name = $"paragraphs[{i}]";
            if (paragraph is null)
            {
                context.AddFailure(name, "A paragraph cannot be null.");
                continue;
            }

            if (IdProblem(paragraph.Id, ids) is { } problem)
            {
                context.AddFailure($"{name}.id", problem);
            }

            if (paragraph.Text is null)
            {
                context.AddFailure($"{name}.text", "Text cannot be null; send \"\" for an empty paragraph.");
                continue;
            }

            if (paragraph.Text.Length > limits.MaxParagraphChars)
            {
                context.AddFailure($"{name}.text",
                    $"The paragraph has {paragraph.Text.Length} characters; the limit is {limits.MaxParagraphChars} (WordRedline:Limits:MaxParagraphChars).");
            }

            total += paragraph.Text.Length;
        }

        if (total > limits.MaxTotalChars)
        {
            context.AddFailure("paragraphs",
                $"The paragraphs hold {total} characters; the limit is {limits.MaxTotalChars} (WordRedline:Limits:MaxTotalChars).");
        }
    }

    private static string? IdProblem(string? id, HashSet<string> earlier) => id switch
    {
        null or "" => "Every paragraph needs a non-empty id.",
        { Length: > Fields.MaxIdLength } => $"An id has at most {Fields.MaxIdLength} characters; this one has {id.Length}.",
        _ when !Fields.IsPlain(id) => "An id cannot contain control characters.",
        _ when !earlier.Add(id) => "The id is used by an earlier paragraph; ids must be unique.",
        _ => null,
    };
}
