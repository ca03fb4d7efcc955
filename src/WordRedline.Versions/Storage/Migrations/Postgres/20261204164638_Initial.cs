using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WordRedline.Versions.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    owner_object = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    party_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    counterparty_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    store_text = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "version_entries",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    record = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_version_entries", x => new { x.contract_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_version_entries_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "version_texts",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    paragraphs = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_version_texts", x => new { x.contract_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_version_texts_version_entries_contract_id_sequence",
                        columns: x => new { x.contract_id, x.sequence },
                        principalTable: "version_entries",
                        principalColumns: new[] { "contract_id", "sequence" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_owner_tenant_owner_object",
                table: "contracts",
                columns: new[] { "owner_tenant", "owner_object" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "version_texts");

            migrationBuilder.DropTable(
                name: "version_entries");

            migrationBuilder.DropTable(
                name: "contracts");
        }
    }
}
