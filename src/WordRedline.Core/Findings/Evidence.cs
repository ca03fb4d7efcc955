namespace WordRedline.Core;

/// <summary>Why a sentence carries a category: the rule kind (a playbook rule id) and the words that show it, as
/// sentence positions [At, End).</summary>
internal readonly record struct Evidence(Category Category, string Kind, int At, int End);
