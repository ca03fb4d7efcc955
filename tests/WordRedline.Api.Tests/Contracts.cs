using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WordRedline.Core;

namespace WordRedline.Api.Tests;

/// <summary>Realistic contract text for requests, and helpers to send it.</summary>
internal static class Contracts
{
    /// <summary>A short freelance design agreement with the clauses the engine exists for: an open-ended grant, an
    /// assignment, a moral-rights waiver and data sharing, around ordinary boilerplate.</summary>
    public static readonly string[] DesignAgreement =
    [
        "DESIGN SERVICES AGREEMENT",
        "This Design Services Agreement (the \"Agreement\") is entered into by Northwind Creative LLC (\"Client\") and Jordan Ellis (\"Contractor\").",
        "1. Services. Contractor will design a brand identity, including a logo, colour palette and typography guide (the \"Deliverables\"), as described in Exhibit A.",
        "2. Fees. Client will pay Contractor USD 6,500 within thirty (30) days of receipt of each invoice.",
        "3. License. Contractor hereby grants Client a perpetual, irrevocable, worldwide, royalty-free license to use the Deliverables for any and all purposes.",
        "4. Modifications. Client may modify, adapt and create derivative works of the Deliverables, including all future modifications, in any media now known or hereafter devised.",
        "5. Data. Client may store the Deliverables and share them with its affiliates, partners and service providers.",
        "6. Moral Rights. Contractor waives all moral rights in the Deliverables.",
        "7. Entire Agreement. This Agreement constitutes the entire agreement between the parties and supersedes all prior agreements.",
    ];

    public static AnalyzeRequest Request(IEnumerable<string> texts, string? party = null, string? playbook = null) => new()
    {
        Paragraphs = [.. texts.Select((text, i) => new ParagraphInput($"p{i}", text))],
        Party = party,
        Playbook = playbook,
    };

    public static JsonContent Json(AnalyzeRequest request) => JsonContent.Create(request, WordRedlineJson.Default.AnalyzeRequest);

    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    public static JsonDocument ParseJson(string json) => JsonDocument.Parse(json);
}
