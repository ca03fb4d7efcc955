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
        RuleFor(request => request.Party).MaximumLength(Terms.MaxLength);
        RuleFor(request => request.Playbook)
            .Must(id => engine.HasPlaybook(id!)).When(request => request.Playbook is not null)
            .WithMessage(request => $"Unknown playbook '{request.Playbook}'. Known: {string.Join(", ", engine.PlaybookIds)}.");
    }

    /// <summary>One pass over what can be thousands of paragraphs: ids present and unique, text present and
    /// within the per-paragraph and total limits. Messages name the index and the id, never the text.</summary>
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

            if (string.IsNullOrEmpty(paragraph.Id))
            {
                context.AddFailure($"{name}.id", "Every paragraph needs a non-empty id.");
            }
            else if (!ids.Add(paragraph.Id))
            {
                context.AddFailure($"{name}.id", $"The id '{paragraph.Id}' is used by an earlier paragraph; ids must be unique.");
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
}
