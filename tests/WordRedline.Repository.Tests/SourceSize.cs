using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WordRedline.Repository.Tests;

/// <summary>A file or function over its limit. <see cref="Name"/> is <c>(file)</c> for the file itself, else the
/// function's place, such as <c>VersionStore.AddAsync</c> or <c>RedlineApi.Map.lambda</c>.</summary>
internal sealed record Oversize(string Path, string Name, int Lines)
{
    public const string WholeFile = "(file)";

    /// <summary>The file and name without the count: what a known violation is listed by.</summary>
    public string Place => $"{Path}:{Name}";

    public override string ToString() => $"{Path}:{Name}:{Lines}";
}

/// <summary>
/// Measures C# against the house limits: 400 lines a file (every line, as eslint's max-lines), 80 a function (lines
/// that hold code, blank and comment-only lines not counted, as eslint's max-lines-per-function with skipBlankLines
/// and skipComments). A function is a method, constructor, operator, accessor, expression-bodied property, local
/// function, lambda or anonymous method, or a file's top-level statements; an outer function counts the lines of the
/// ones inside it. A file may exceed its limit with a first line <c>// Over 400 lines: reason</c>, a function with
/// <c>// Over 80 lines: reason</c> in the comment lines right above it.
/// </summary>
internal static class SourceSize
{
    public const int FileLimit = 400;
    public const int FunctionLimit = 80;
    public const string FileReason = "// Over 400 lines:";
    public const string FunctionReason = "// Over 80 lines:";

    public static IReadOnlyList<Oversize> Measure(string path, string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview));
        var lines = tree.GetText().Lines;
        var found = new List<Oversize>();
        var fileLines = lines.Count > 0 && lines[^1].Span.IsEmpty ? lines.Count - 1 : lines.Count;
        if (fileLines > FileLimit && !HasReason(lines[0].ToString().TrimStart('\uFEFF'), FileReason))
        {
            found.Add(new Oversize(path, Oversize.WholeFile, fileLines));
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (node, name) in Functions((CompilationUnitSyntax)tree.GetRoot()))
        {
            // Overloads and several lambdas in one place get #2, #3... in the order they appear.
            var seen = names[name] = names.GetValueOrDefault(name) + 1;
            var count = CodeLines(node, tree);
            if (count > FunctionLimit && !ReasonAbove(lines, tree.GetLineSpan(node.Span).StartLinePosition.Line))
            {
                found.Add(new Oversize(path, seen == 1 ? name : $"{name}#{seen}", count));
            }
        }

        return found;
    }

    private static IEnumerable<(SyntaxNode Node, string Name)> Functions(CompilationUnitSyntax root)
    {
        if (TopLevel(root).Any())
        {
            yield return (root, "(top-level statements)");
        }

        foreach (var node in root.DescendantNodes())
        {
            var isFunction = node switch
            {
                BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax => true,
                AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
                BasePropertyDeclarationSyntax p => ExpressionBody(p) is not null,
                _ => false,
            };
            if (isFunction)
            {
                yield return (node, NameOf(node));
            }
        }
    }

    /// <summary>A file's top-level statements, less the local functions declared among them (each is measured on
    /// its own).</summary>
    private static IEnumerable<GlobalStatementSyntax> TopLevel(CompilationUnitSyntax root) =>
        root.Members.OfType<GlobalStatementSyntax>().Where(g => g.Statement is not LocalFunctionStatementSyntax);

    private static ArrowExpressionClauseSyntax? ExpressionBody(BasePropertyDeclarationSyntax p) => p switch
    {
        PropertyDeclarationSyntax property => property.ExpressionBody,
        IndexerDeclarationSyntax indexer => indexer.ExpressionBody,
        _ => null,
    };

    /// <summary>The function's place: enclosing types and members, outermost first, then its own name.</summary>
    private static string NameOf(SyntaxNode node) =>
        string.Join('.', node.AncestorsAndSelf().Reverse().Select(PartName).OfType<string>());

    private static string? PartName(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.Text,
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.Text,
        DestructorDeclarationSyntax destructor => "~" + destructor.Identifier.Text,
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.Text,
        ConversionOperatorDeclarationSyntax conversion => "operator " + conversion.Type,
        PropertyDeclarationSyntax property => property.Identifier.Text,
        IndexerDeclarationSyntax => "this[]",
        EventDeclarationSyntax e => e.Identifier.Text,
        AccessorDeclarationSyntax accessor => accessor.Keyword.Text,
        LocalFunctionStatementSyntax local => local.Identifier.Text,
        AnonymousFunctionExpressionSyntax => "lambda",
        FieldDeclarationSyntax field => string.Join(',', field.Declaration.Variables.Select(v => v.Identifier.Text)),
        _ => null,
    };

    /// <summary>Lines on which the function has code: every line a token of it stands on (a token over several
    /// lines, such as a raw string, stands on each), so blank lines and comment-only lines do not count. Attributes
    /// are data, not steps (a test's [DataRow] table), so their lines do not count either.</summary>
    private static int CodeLines(SyntaxNode node, SyntaxTree tree)
    {
        var lines = new HashSet<int>();
        var tokens = node is CompilationUnitSyntax unit
            ? TopLevel(unit).SelectMany(s => s.DescendantTokens())
            : node.DescendantTokens(n => n is not AttributeListSyntax);
        foreach (var token in tokens)
        {
            var span = tree.GetLineSpan(token.Span);
            for (var line = span.StartLinePosition.Line; line <= span.EndLinePosition.Line; line++)
            {
                lines.Add(line);
            }
        }

        return lines.Count;
    }

    /// <summary>True when the comment lines right above <paramref name="line"/> (a doc comment included) hold a
    /// function's one-line reason.</summary>
    private static bool ReasonAbove(Microsoft.CodeAnalysis.Text.TextLineCollection lines, int line)
    {
        for (var above = line - 1; above >= 0; above--)
        {
            var text = lines[above].ToString().Trim();
            if (!text.StartsWith("//", StringComparison.Ordinal))
            {
                return false;
            }

            if (HasReason(text, FunctionReason))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasReason(string line, string marker) =>
        line.StartsWith(marker, StringComparison.Ordinal) && line.Length > marker.Length + 1 && !string.IsNullOrWhiteSpace(line[marker.Length..]);
}
