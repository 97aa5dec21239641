using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboundMessageDependencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MonitorId",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "ReplaceMessageId",
                table: "outbound_messages");

            migrationBuilder.AddColumn<string>(
                name: "AttemptJobId",
                table: "outbound_messages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AttemptStartedAt",
                table: "outbound_messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DependsOnId",
                table: "outbound_messages",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FailedAt",
                table: "outbound_messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "outbound_messages",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "Notice");

            migrationBuilder.AddColumn<string>(
                name: "Relation",
                table: "outbound_messages",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                table: "outbound_messages",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbound_messages_DependsOnId",
                table: "outbound_messages",
                column: "DependsOnId");

            migrationBuilder.CreateIndex(
                name: "IX_outbound_messages_Purpose_SubjectId",
                table: "outbound_messages",
                columns: new[] { "Purpose", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbound_messages_DependsOnId",
                table: "outbound_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbound_messages_Purpose_SubjectId",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "AttemptJobId",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "AttemptStartedAt",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "DependsOnId",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "Relation",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "outbound_messages");

            migrationBuilder.AddColumn<string>(
                name: "MonitorId",
                table: "outbound_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplaceMessageId",
                table: "outbound_messages",
                type: "TEXT",
                nullable: true);
        }
    }
}
