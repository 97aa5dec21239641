using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropRunMonitorId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MonitorId",
                table: "runs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MonitorId",
                table: "runs",
                type: "TEXT",
                nullable: true);
        }
    }
}
