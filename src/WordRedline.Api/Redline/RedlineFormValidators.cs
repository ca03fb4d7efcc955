using FluentValidation;
using WordRedline.Api.Hosting;
using WordRedline.Core;

namespace WordRedline.Api.Redline;

internal static class DocxFormRules
{
    public const int MaxAuthorLength = 100;

    /// <summary>The rules both .docx forms share: one non-empty file, a party of sensible length, a known playbook.</summary>
    public static void AddCommonRules<T>(AbstractValidator<T> validator, ClauseEngine engine) where T : DocxForm
    {
        validator.RuleFor(form => form.File)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Attach the .docx in the form field 'file'.")
            .Must(file => file!.Length > 0).WithMessage("The file is empty.");
        validator.RuleFor(form => form.FileCount)
            .LessThanOrEqualTo(1).OverridePropertyName("file").WithMessage("Attach one file; the form has {PropertyValue}.");
        // The party can be written into the document (the addendum), and XML cannot hold control characters.
        validator.RuleFor(form => form.Party).PlainText(Terms.MaxLength);
        validator.RuleFor(form => form.Playbook).KnownPlaybook(engine);
    }

    public static bool IsBoolean(string? text) => text is null || bool.TryParse(text, out _);
}

internal sealed class AnalyzeDocxFormValidator : AbstractValidator<AnalyzeDocxForm>
{
    public AnalyzeDocxFormValidator(ClauseEngine engine) => DocxFormRules.AddCommonRules(this, engine);
}

internal sealed class RedlineFormValidator : AbstractValidator<RedlineForm>
{
    public RedlineFormValidator(ClauseEngine engine)
    {
        DocxFormRules.AddCommonRules(this, engine);
        RuleFor(form => form.Author).PlainText(DocxFormRules.MaxAuthorLength);
        RuleFor(form => form.Comments).Must(DocxFormRules.IsBoolean).WithMessage("Send true or false.");
        RuleFor(form => form.Addendum).Must(DocxFormRules.IsBoolean).WithMessage("Send true or false.");
        RuleFor(form => form.RiskComments).Must(DocxFormRules.IsBoolean).WithMessage("Send true or false.");
    }
}
