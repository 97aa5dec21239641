using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonitorsNextCheckAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitors_awaiting_triggers",
                table: "monitors");

            migrationBuilder.RenameColumn(
                name: "TriggersStored",
                table: "monitors",
                newName: "NextCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_monitors_due",
                table: "monitors",
                column: "NextCheckAt",
                filter: "\"Status\" = 'Active' AND \"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitors_due",
                table: "monitors");

            migrationBuilder.RenameColumn(
                name: "NextCheckAt",
                table: "monitors",
                newName: "TriggersStored");

            migrationBuilder.CreateIndex(
                name: "IX_monitors_awaiting_triggers",
                table: "monitors",
                column: "CreatedAt",
                filter: "NOT \"TriggersStored\"");
        }
    }
}
