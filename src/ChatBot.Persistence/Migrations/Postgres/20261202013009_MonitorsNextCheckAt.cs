using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Persistence.Migrations.Postgres
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

            migrationBuilder.DropColumn(
                name: "TriggersStored",
                table: "monitors");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextCheckAt",
                table: "monitors",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

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

            migrationBuilder.DropColumn(
                name: "NextCheckAt",
                table: "monitors");

            migrationBuilder.AddColumn<bool>(
                name: "TriggersStored",
                table: "monitors",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_monitors_awaiting_triggers",
                table: "monitors",
                column: "CreatedAt",
                filter: "NOT \"TriggersStored\"");
        }
    }
}
