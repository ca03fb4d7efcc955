using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WordRedline.Versions.Storage;

/// <summary>The versions database. One model, two providers: each has its own migrations (SQLite and PostgreSQL
/// differ in types), generated from the same configuration below. Every entity carries a query filter on the owner
/// given at construction, so a query that forgets to filter still sees only its owner's rows.</summary>
internal abstract class VersionsDbContext(DbContextOptions options, Owner owner) : DbContext(options)
{
    public DbSet<ContractRow> Contracts => Set<ContractRow>();
    public DbSet<EntryRow> Entries => Set<EntryRow>();
    public DbSet<TextRow> Texts => Set<TextRow>();

    // Read by the query filters; EF Core parameterises context members, so each context filters to its own owner.
    private string CurrentTenant => owner.TenantId;
    private string CurrentObject => owner.ObjectId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContractRow>(contract =>
        {
            contract.ToTable("contracts");
            contract.HasKey(c => c.Id);
            contract.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
            contract.Property(c => c.OwnerTenant).HasColumnName("owner_tenant").HasMaxLength(100);
            contract.Property(c => c.OwnerObject).HasColumnName("owner_object").HasMaxLength(200);
            contract.Property(c => c.Title).HasColumnName("title").HasMaxLength(RecordLimits.Name);
            contract.Property(c => c.PartyName).HasColumnName("party_name").HasMaxLength(RecordLimits.Name);
            contract.Property(c => c.CounterpartyName).HasColumnName("counterparty_name").HasMaxLength(RecordLimits.Name);
            contract.Property(c => c.StoreText).HasColumnName("store_text");
            contract.Property(c => c.CreatedAt).HasColumnName("created_at");
            contract.HasIndex(c => new { c.OwnerTenant, c.OwnerObject });
            contract.HasQueryFilter(c => c.OwnerTenant == CurrentTenant && c.OwnerObject == CurrentObject);
        });

        modelBuilder.Entity<EntryRow>(entry =>
        {
            entry.ToTable("version_entries");
            // The key makes "two saves took the same place in the chain" a constraint violation, which the store
            // retries, on one machine or across several API instances.
            entry.HasKey(e => new { e.ContractId, e.Sequence });
            entry.Property(e => e.ContractId).HasColumnName("contract_id");
            entry.Property(e => e.Sequence).HasColumnName("sequence");
            entry.Property(e => e.Kind).HasColumnName("kind").HasMaxLength(20);
            entry.Property(e => e.Record).HasColumnName("record");
            entry.Property(e => e.Hash).HasColumnName("hash").HasMaxLength(64).IsFixedLength();
            entry.Property(e => e.RecordedAt).HasColumnName("recorded_at");
            entry.HasOne(e => e.Contract).WithMany(c => c.Entries).HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Cascade);
            entry.HasQueryFilter(e => e.Contract!.OwnerTenant == CurrentTenant && e.Contract.OwnerObject == CurrentObject);
        });

        modelBuilder.Entity<TextRow>(text =>
        {
            text.ToTable("version_texts");
            text.HasKey(t => new { t.ContractId, t.Sequence });
            text.Property(t => t.ContractId).HasColumnName("contract_id");
            text.Property(t => t.Sequence).HasColumnName("sequence");
            text.Property(t => t.Paragraphs).HasColumnName("paragraphs");
            text.HasOne(t => t.Entry).WithOne().HasForeignKey<TextRow>(t => new { t.ContractId, t.Sequence }).OnDelete(DeleteBehavior.Cascade);
            text.HasQueryFilter(t => t.Entry!.Contract!.OwnerTenant == CurrentTenant && t.Entry.Contract.OwnerObject == CurrentObject);
        });
    }
}

internal sealed class SqliteVersionsDbContext(DbContextOptions<SqliteVersionsDbContext> options, Owner owner)
    : VersionsDbContext(options, owner);

internal sealed class PostgresVersionsDbContext(DbContextOptions<PostgresVersionsDbContext> options, Owner owner)
    : VersionsDbContext(options, owner);

/// <summary>For `dotnet ef migrations add` only (see the README): no database is opened.</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteVersionsDbContext>
{
    public SqliteVersionsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteVersionsDbContext>().UseSqlite("Data Source=design.db").Options, Owner.Local);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresVersionsDbContext>
{
    public PostgresVersionsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresVersionsDbContext>().UseNpgsql("Host=localhost").Options, Owner.Local);
}
