using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WordRedline.Api.Hosting;
using WordRedline.Core;
using WordRedline.Versions;
using WordRedline.Versions.Storage;

namespace WordRedline.Api.Versions;

/// <summary>The record of a contract's versions: contracts, versions, the diff of AI-related rights, the signed
/// mark, the proof export and the letters. Every route answers 404 for a contract that is not the caller's,
/// whatever id is sent, exactly as for one that does not exist.</summary>
internal static class VersionsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapVersionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/contracts", "Versions")
            .AddEndpointFilter<VersionsErrorsFilter>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/", Create).WithValidation<ContractRequest>().WithJsonBodyErrors()
            .WithSummary("Start the record of a contract (title, parties, whether to keep its text)");
        group.MapGet("/", List).WithSummary("Your contracts, newest first");
        group.MapGet("/{id:guid}", Get).WithSummary("A contract and where its record stands");
        group.MapPatch("/{id:guid}", Update).WithValidation<ContractRequest>().WithJsonBodyErrors()
            .WithSummary("Change the title, the parties' names or the text opt-in (off deletes the kept texts)");
        group.MapDelete("/{id:guid}", Delete).WithSummary("Delete the contract, every version and every kept text");

        group.MapPost("/{id:guid}/versions", Save).WithValidation<SaveVersionRequest>().WithJsonBodyErrors()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record a version: the engine runs on the paragraphs; the record joins the hash chain");
        group.MapGet("/{id:guid}/versions", Versions).WithSummary("The contract's versions in order");
        group.MapGet("/{id:guid}/versions/{sequence:int}", Version).WithSummary("One version's record");
        group.MapGet("/{id:guid}/versions/{sequence:int}/text", Text)
            .WithSummary("The full text of a version (only for contracts whose text you chose to keep)");
        group.MapPost("/{id:guid}/versions/{sequence:int}/sign", Sign).WithValidation<SignRequest>().WithJsonBodyErrors()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mark a version as the one signed; the record is then closed");
        group.MapGet("/{id:guid}/diff", Diff)
            .WithSummary("Protections added and removed between two versions (default: the first and the last)");
        group.MapGet("/{id:guid}/verify", Verify).WithSummary("Recompute every hash of the stored chain");
        group.MapGet("/{id:guid}/export", Export)
            .Produces(StatusCodes.Status200OK, contentType: DocxType)
            .ProducesValidationProblem()
            .WithSummary("The proof: format=json (for wordredline verify) or format=docx (for people)");
        LettersApi.MapLetters(group);
        return group;
    }

    internal static async Task<Results<Created<ContractView>, ProblemHttpResult>> Create(ContractRequest request, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        var contract = await store.CreateContractAsync(request.ToInput(), cancellationToken);
        return TypedResults.Created($"/api/v1/contracts/{contract.Id}", contract);
    }

    internal static async Task<Ok<IReadOnlyList<ContractView>>> List(Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        return TypedResults.Ok(await store.ListContractsAsync(cancellationToken));
    }

    internal static async Task<Results<Ok<ContractView>, ProblemHttpResult>> Get(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        return Found(await store.GetContractAsync(id, cancellationToken), id);
    }

    internal static async Task<Results<Ok<ContractView>, ProblemHttpResult>> Update(Guid id, ContractRequest request, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        return Found(await store.UpdateContractAsync(id, request.ToInput(), cancellationToken), id);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        return await store.DeleteContractAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);
    }

    internal static async Task<Results<Created<VersionView>, ProblemHttpResult>> Save(Guid id, SaveVersionRequest request, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        var saved = await store.SaveVersionAsync(id, request.ToInput(), cancellationToken);
        return saved.Status == StoreStatus.Ok
            ? TypedResults.Created($"/api/v1/contracts/{id}/versions/{saved.Value!.Sequence}", saved.Value)
            : Problem(saved);
    }

    internal static async Task<Results<Ok<IReadOnlyList<VersionView>>, ProblemHttpResult>> Versions(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        return Found(await store.ListVersionsAsync(id, cancellationToken), id);
    }

    internal static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Version(Guid id, int sequence, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        var version = await store.GetVersionAsync(id, sequence, cancellationToken);
        return version is null ? NotFound(id, sequence) : TypedResults.Ok(version);
    }

    internal static async Task<Results<Ok<StoredText>, ProblemHttpResult>> Text(Guid id, int sequence, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        var text = await store.GetTextAsync(id, sequence, cancellationToken);
        return text is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                detail: $"No kept text for version {sequence} of contract {id}: the contract does not exist, or its text is not kept (storeText).")
            : TypedResults.Ok(text);
    }

    internal static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Sign(Guid id, int sequence, SignRequest request, Caller caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var date = request.SignedOn is { } text && TryParseDate(text, out var parsed) ? parsed : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var store = caller.Open();
        var signed = await store.SignAsync(id, sequence, date, cancellationToken);
        return signed.Status == StoreStatus.Ok ? TypedResults.Ok(signed.Value!) : Problem(signed);
    }

    internal static async Task<Results<Ok<ProtectionDiff>, ProblemHttpResult>> Diff(Guid id, int? from, int? to, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        var versions = await store.ListVersionsAsync(id, cancellationToken);
        if (versions is null || versions.Count == 0)
        {
            return versions is null ? NotFound(id)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Contract {id} has no versions yet.");
        }

        var diff = await store.DiffAsync(id, from ?? versions[0].Sequence, to ?? versions[^1].Sequence, cancellationToken);
        return diff.Status == StoreStatus.Ok ? TypedResults.Ok(diff.Value!) : Problem(diff);
    }

    internal static async Task<Results<Ok<ChainReport>, ProblemHttpResult>> Verify(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var store = caller.Open();
        return Found(await store.VerifyAsync(id, cancellationToken), id);
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Export(Guid id, string? format, Caller caller, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "docx"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Format must be \"json\" or \"docx\"."] });
        }

        await using var store = caller.Open();
        var export = await store.ExportAsync(id, cancellationToken);
        if (export is null)
        {
            return NotFound(id);
        }

        var name = FileName(export.Contract.Title, "proof");
        return format == "docx"
            ? TypedResults.File(ProofDocument.Write(export), DocxType, $"{name}.docx")
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(export.ToJson()), "application/json", $"{name}.json");
    }

    internal static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>"design-services-agreement-proof": the title in safe file-name characters.</summary>
    internal static string FileName(string? title, string suffix)
    {
        var words = (title ?? "contract").ToLowerInvariant().Split(
            [.. " \t/\\:*?\"<>|.,;'’()[]{}"], StringSplitOptions.RemoveEmptyEntries);
        var stem = string.Join('-', words.Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)])).Where(w => w.Length > 0));
        return $"{(stem.Length == 0 ? "contract" : stem[..Math.Min(stem.Length, 60)])}-{suffix}";
    }

    private static Results<Ok<T>, ProblemHttpResult> Found<T>(T? value, Guid id) where T : class =>
        value is null ? NotFound(id) : TypedResults.Ok(value);

    private static ProblemHttpResult NotFound(Guid id, int? sequence = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        detail: sequence is null ? $"No contract {id}." : $"Contract {id} has no version {sequence}.");

    private static ProblemHttpResult Problem<T>(StoreResult<T> result) => TypedResults.Problem(
        statusCode: result.Status == StoreStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict,
        detail: result.Message);
}

/// <summary>The caller's own view of the versions database: their owner identity and a store per request.</summary>
internal sealed class Caller(Owner owner, VersionsDatabase database, ClauseEngine engine, TimeProvider clock)
{
    public Owner Owner { get; } = owner;

    public VersionStore Open() => database.Open(Owner, engine, clock);

    /// <summary>Bound from the request: the signed-in user (Entra ID) or the local user (local mode). A token without
    /// oid and tid claims names no owner; the filter answers 403 for it before any handler runs.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var owner = VersionsHosting.OwnerOf(context.User, services.GetRequiredService<IOptions<EntraOptions>>());
        return ValueTask.FromResult(owner is null ? null : new Caller(owner,
            services.GetRequiredService<VersionsDatabase>(), services.GetRequiredService<ClauseEngine>(), services.GetRequiredService<TimeProvider>()));
    }
}

/// <summary>What the versions routes answer beyond their own results: 403 for a token that names no user, 409 for a
/// record someone changed by hand so it no longer reads, 503 when the database cannot be reached. Never the
/// database's message, which can quote a query.</summary>
internal sealed partial class VersionsErrorsFilter(ILogger<VersionsErrorsFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (VersionsHosting.OwnerOf(context.HttpContext.User,
                context.HttpContext.RequestServices.GetRequiredService<IOptions<EntraOptions>>()) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                detail: "The access token names no user (its oid and tid claims are missing), so it has no records.");
        }

        try
        {
            return await next(context);
        }
        catch (DamagedRecordException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or TimeoutException)
        {
            LogUnavailable(logger, e.GetType().FullName, context.HttpContext.TraceIdentifier);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The versions database cannot be reached right now; nothing was changed. Try again, or quote the trace id.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Versions database failed with {ExceptionType} (trace {TraceId})")]
    private static partial void LogUnavailable(ILogger logger, string? exceptionType, string traceId);
}
