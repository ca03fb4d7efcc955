using System.Globalization;

namespace WordRedline.Versions;

/// <summary>Drafts the three letters from a recorded version, in the contract's own words: the parties' legal names,
/// the defined terms, clause numbers and headings, and dates. Every sentence is written for the counterparty (the
/// engine's notes for the counterparty, never its explanations to the user), and every gap is refused with a reason
/// rather than filled with a placeholder.</summary>
public static class LetterDrafter
{
    public static Letter Draft(LetterKind kind, ContractView contract, VersionView version, LetterOptions options)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(options);
        var record = version.Record;
        var facts = record.Facts ?? throw new LetterException($"Version {version.Sequence} is not a version record.");
        var parties = new Parties(
            Required(contract.PartyName ?? facts.PartyName, "your name", "partyName", "--party-name"),
            facts.Party,
            Required(contract.CounterpartyName ?? facts.CounterpartyName, "the other side's name", "counterpartyName", "--counterparty-name"),
            facts.Counterparty,
            facts.WorkTerm);
        var context = new Context(parties, contract.Title ?? facts.Title ?? "Agreement", facts.AgreementDate, version, options);
        return kind switch
        {
            LetterKind.Cover => Cover(context),
            LetterKind.Audit => Audit(context),
            LetterKind.Breach => Breach(context),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static Letter Cover(Context c)
    {
        var changes = (c.Record.Changes ?? [])
            .Where(change => change.Status != RecordChange.Rejected)
            .GroupBy(change => (change.Clause, change.Heading, change.Paragraph, change.Placement))
            .ToList();
        if (changes.Count == 0)
        {
            throw new LetterException($"Version {c.Version.Sequence} proposes no changes, so a cover note would have nothing to explain.");
        }

        var blocks = c.Heading($"{c.Title}: proposed changes");
        blocks.Add(new($"Thank you for sending the draft {c.Title}{c.Between}. I have reviewed it and attach a marked-up copy with " +
                       $"{Count(changes.Count, "proposed change")}, each shown as a tracked change with a short note. In plain English:"));
        foreach (var group in changes)
        {
            var first = group.First();
            var where = Cite(first.Clause, first.Heading, first.Paragraph);
            var place = first.Placement == "insert-after" ? $"After {where}" : Capitalise(where);
            var notes = group.Select(change => Plain(change.Comment)).Where(note => note.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            blocks.Add(new($"{place}: {(notes.Count > 0 ? string.Join(" ", notes) : "a change to the wording, shown in the marked-up copy.")}", LetterStyle.Item));
        }

        var ai = (c.Record.Changes ?? []).Any(change => change.Status != RecordChange.Rejected && MentionsAi(change));
        if (ai)
        {
            blocks.Add(new($"The changes about artificial intelligence are a standard protection for my proprietary creative process: " +
                           $"they keep {c.Parties.WorkTerm} from being used to train or develop AI models, and they leave every other " +
                           $"use that the {c.ShortTitle} contemplates as it is."));
        }

        if (c.Record.Protections?.FirstOrDefault(p => p.Key == "ai-addendum" && p.Present) is not null)
        {
            blocks.Add(new("The AI Protection Addendum attached to the marked-up copy sets these protections out in one place."));
        }

        blocks.Add(new("I am happy to talk through any of these points. If they are acceptable, please let me know and we can move to signature."));
        return c.Close(LetterKind.Cover, blocks);
    }

    private static Letter Audit(Context c)
    {
        var blocks = c.Heading($"{c.Title}: request for information on the use of {c.Parties.WorkTerm}");
        blocks.Add(new($"Under the {c.Title}{c.Between}{c.Dated}{c.SignedOn} (the \u201CAgreement\u201D), I provided " +
                       $"{c.Parties.WorkTerm} to {c.Parties.CounterpartyName}."));
        var carveOut = c.Record.CarveOut;
        var grant = c.Record.Clauses?.FirstOrDefault(clause => clause.Roles.Contains(RecordClause.GrantRole));
        if (carveOut is not null)
        {
            blocks.Add(new($"{Capitalise(Cite(carveOut))} of the Agreement {Provides(carveOut)}"));
            blocks.Add(new(carveOut.Text, LetterStyle.Quote));
        }
        else if (grant is not null)
        {
            blocks.Add(new($"{Capitalise(c.Parties.WorkTerm)} may be used only as {Cite(grant)} of the Agreement provides."));
        }

        if (Details(c.Options) is { } details)
        {
            blocks.Add(new(details));
        }

        var within = c.Within;
        blocks.Add(new($"So that I can confirm {c.Parties.WorkTerm} {c.Parties.Are} being used as the Agreement provides, please tell me in writing, " +
                       $"by {within}:"));
        // The clause that passes the work on; a licence that also lets it be distributed comes second.
        var data = c.Record.Clauses?.Where(clause => clause.Roles.Contains(RecordClause.DataSharingRole))
            .OrderBy(clause => clause.Roles.Contains(RecordClause.GrantRole))
            .FirstOrDefault();
        string[] questions =
        [
            $"whether {c.Parties.WorkTerm}, or any part of {c.Parties.Them}, {c.Parties.Have} been used to train, fine-tune, evaluate or develop any machine learning model or artificial intelligence system, by {c.Parties.CounterpartyName} or by anyone to whom {(c.Parties.Plural ? "they have" : "it has")} been made available;",
            $"whether {c.Parties.WorkTerm} {c.Parties.Are} stored in any database, dataset or system that a third-party artificial intelligence service provider can access, and if so which;",
            $"which affiliates, partners and service providers have received {c.Parties.WorkTerm}{(data is null ? "" : $" under {Cite(data)}")}; and",
            $"the policies of {c.Parties.CounterpartyName} on the use of supplier and client materials for artificial intelligence, with a copy of any data-usage or AI policy that applies to {c.Parties.WorkTerm}.",
        ];
        for (var i = 0; i < questions.Length; i++)
        {
            blocks.Add(new($"{i + 1}.\t{questions[i]}", LetterStyle.Item));
        }

        blocks.Add(new("I make this request in good faith and would be glad to discuss it. Nothing in this letter waives any of my rights under the Agreement."));
        return c.Close(LetterKind.Audit, blocks);
    }

    private static Letter Breach(Context c)
    {
        if (c.Version.Signature is null)
        {
            throw new LetterException($"A notice of breach cites the signed agreement, and version {c.Version.Sequence} is not marked as signed. Mark the signed version first, then draft the notice from it.");
        }

        var clause = c.Record.CarveOut ?? throw new LetterException(
            $"Version {c.Version.Sequence}, the signed version, has no clause that excludes AI training, so a notice of breach would have no clause to cite.");
        var cite = Cite(clause);
        var blocks = c.Heading($"Notice of breach of {cite} of the {c.Title}");
        blocks.Add(new($"I write about the {c.Title}{c.Between}{c.Dated}{c.SignedOn} (the \u201CAgreement\u201D). " +
                       $"{Capitalise(cite)} of the Agreement {Provides(clause)}"));
        blocks.Add(new(clause.Text, LetterStyle.Quote));
        blocks.Add(new(Details(c.Options) ?? $"I have reason to believe that {c.Parties.CounterpartyName} has used {c.Parties.WorkTerm}, or allowed {c.Parties.Them} to be used, to train, fine-tune or develop a machine learning model or artificial intelligence system, contrary to {cite}."));
        blocks.Add(new($"This letter is formal notice of that breach of {cite}. I require {c.Parties.CounterpartyName}, by {c.Within}, to:"));
        string[] demands =
        [
            $"stop every use of {c.Parties.WorkTerm} to train, fine-tune or develop machine learning models or artificial intelligence systems;",
            $"remove {c.Parties.WorkTerm} from every dataset, database or system used for that purpose, including any held by a third party on its behalf;",
            $"identify each model, dataset and third party involved, and say whether any model trained on {c.Parties.WorkTerm} remains in use; and",
            "confirm in writing that it has done so.",
        ];
        for (var i = 0; i < demands.Length; i++)
        {
            blocks.Add(new($"{i + 1}.\t{demands[i]}", LetterStyle.Item));
        }

        blocks.Add(new($"For the record, the text of the signed Agreement has the SHA-256 fingerprint {c.Record.Document?.Sha256}, and " +
                       $"the text of {cite} quoted above has the SHA-256 fingerprint {clause.Sha256}. Both are kept in my record of the versions of the Agreement."));
        blocks.Add(new("I reserve all my rights and remedies under the Agreement and at law, including the right to claim damages and to seek an injunction. Nothing in this letter waives any of them."));
        return c.Close(LetterKind.Breach, blocks);
    }

    /// <summary>"clause 3.2 (No AI Training)", "the clause headed "Data"", or "paragraph 5".</summary>
    internal static string Cite(RecordClause clause) => Cite(clause.Number, clause.Heading, clause.Paragraph);

    /// <summary>"provides:" when the quote is the whole clause, "provides, in part:" when it is a later paragraph of it.</summary>
    private static string Provides(RecordClause clause) =>
        clause.Number is null || ClauseNumbers.Parse(clause.Text).Number == clause.Number ? "provides:" : "provides, in part:";

    private static string Cite(string? number, string? heading, int? paragraph) =>
        new ClauseNumber(number, heading).Describe() ?? (paragraph is { } p ? $"paragraph {p}" : "the clause");

    /// <summary>The engine's note for the counterparty without its "Proposed:" label, as a full sentence.</summary>
    private static string Plain(string comment)
    {
        var text = comment.Trim();
        if (text.StartsWith("Proposed:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["Proposed:".Length..].TrimStart();
        }

        if (text.Length == 0)
        {
            return "";
        }

        text = Capitalise(text);
        return text.EndsWith('.') ? text : text + ".";
    }

    private static bool MentionsAi(RecordChange change) =>
        change.Comment.Contains("AI", StringComparison.Ordinal) || change.Comment.Contains("artificial intelligence", StringComparison.OrdinalIgnoreCase)
        || change.Wording.Contains("artificial intelligence", StringComparison.OrdinalIgnoreCase);

    private static string? Details(LetterOptions options)
    {
        var text = options.Details?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";
    }

    private static string Required(string? value, string what, string field, string option) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new LetterException($"The contract does not say {what} plainly enough to read it. Set it on the contract ({field}, or {option} on the command line) and draft the letter again.")
            : value;

    private static string Count(int count, string noun) => count switch
    {
        1 => $"one {noun}",
        2 => $"two {noun}s",
        3 => $"three {noun}s",
        4 => $"four {noun}s",
        5 => $"five {noun}s",
        6 => $"six {noun}s",
        7 => $"seven {noun}s",
        8 => $"eight {noun}s",
        9 => $"nine {noun}s",
        _ => $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s",
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private sealed record Parties(string PartyName, string Party, string CounterpartyName, string Counterparty, string Term)
    {
        /// <summary>"the Deliverables"; "Your Content" keeps its own determiner.</summary>
        public string WorkTerm => Term.StartsWith("Your ", StringComparison.Ordinal) || Term.StartsWith("Our ", StringComparison.Ordinal) ? Term : $"the {Term}";

        /// <summary>"Deliverables", "Works" and "Materials" are plural; "Work" and "Content" are not.</summary>
        public bool Plural => Term.EndsWith('s') && !Term.EndsWith("ss", StringComparison.Ordinal);

        public string Are => Plural ? "are" : "is";

        public string Have => Plural ? "have" : "has";

        public string Them => Plural ? "them" : "it";
    }

    /// <summary>What every letter shares: the heading block, the way the agreement is named, and the close.</summary>
    private sealed record Context(Parties Parties, string Title, string? AgreementDate, VersionView Version, LetterOptions Options)
    {
        public VersionRecord Record => Version.Record;

        public DateOnly Today => Options.Date ?? DateOnly.FromDateTime(DateTime.UtcNow);

        /// <summary>"Agreement" from "Design Services Agreement", for a second mention.</summary>
        public string ShortTitle => Title.Split(' ').Last() is { Length: > 0 } last && char.IsUpper(last[0]) ? last : "Agreement";

        public string Between => $" between {Parties.CounterpartyName} (the \u201C{Parties.Counterparty}\u201D) and me (the \u201C{Parties.Party}\u201D)";

        public string Dated => AgreementDate is { } date && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? $" dated {LongDate(d)}"
            : "";

        public string SignedOn => Version.Signature is { } s && DateOnly.TryParseExact(s.SignedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? $", signed on {LongDate(d)}"
            : "";

        public string Within => $"{LongDate(Today.AddDays(Options.RespondWithinDays))} ({Options.RespondWithinDays} days from the date of this letter)";

        public List<LetterBlock> Heading(string subject)
        {
            var recipient = string.IsNullOrWhiteSpace(Options.Recipient) ? null : Options.Recipient.Trim();
            List<LetterBlock> blocks = [new(Parties.PartyName), new(LongDate(Today))];
            if (recipient is not null)
            {
                blocks.Add(new(recipient, LetterStyle.Address));
            }

            blocks.Add(new(Parties.CounterpartyName));
            blocks.Add(new($"Re: {subject}", LetterStyle.Subject));
            blocks.Add(new(recipient is null ? "Dear Sir or Madam," : $"Dear {recipient},"));
            return blocks;
        }

        public Letter Close(LetterKind kind, List<LetterBlock> blocks)
        {
            blocks.Add(new(string.IsNullOrWhiteSpace(Options.Recipient) ? "Yours faithfully," : "Yours sincerely,"));
            blocks.Add(new(Parties.PartyName));
            var subject = blocks.First(b => b.Style == LetterStyle.Subject).Text["Re: ".Length..];
            return new Letter(kind, subject, blocks);
        }
    }
}
