namespace WordRedline.Core;

/// <summary>The kinds of finding the engine reports; each needs a rule of that id in the playbook, which supplies its
/// severity, wording and fix.</summary>
internal static class RuleIds
{
    public const string AiTraining = "ai-training.permission";
    public const string AiUse = "ai-training.ai-use";
    public const string AiOptOut = "ai-training.opt-out";
    public const string NoTraining = "ai-protection.no-training";
    public const string HumanAgents = "ai-protection.human-agents";
    public const string AiProviderNotice = "ai-protection.ai-provider-notice";
    public const string Addendum = "ai-protection.addendum";
    public const string OpenPurpose = "usage-scope.open-purpose";
    public const string AnyMedia = "usage-scope.any-media";
    public const string FreeUse = "usage-scope.free-use";
    public const string PerpetualIrrevocable = "license-breadth.perpetual-irrevocable";
    public const string BroadGrant = "license-breadth.broad-grant";
    public const string Release = "license-breadth.release";
    public const string Modify = "derivative-works.modify";
    public const string ThirdParties = "data-sharing.third-parties";
    public const string Sublicense = "data-sharing.sublicense";
    public const string Assignment = "ip-assignment.assignment";
    public const string WorkForHire = "ip-assignment.work-for-hire";
    public const string Ownership = "ip-assignment.ownership";
    public const string MoralRights = "moral-rights.waiver";

    public static readonly string[] All =
    [
        AiTraining, AiUse, AiOptOut, NoTraining, HumanAgents, AiProviderNotice, Addendum, OpenPurpose, AnyMedia, FreeUse,
        PerpetualIrrevocable, BroadGrant, Release, Modify, ThirdParties, Sublicense, Assignment, WorkForHire, Ownership, MoralRights,
    ];
}
