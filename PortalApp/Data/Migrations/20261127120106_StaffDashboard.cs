using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortalApp.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ResetRequests_CompletedAt_CreatedAt",
                table: "ResetRequests",
                columns: new[] { "CompletedAt", "CreatedAt" });

            // An expression index EF cannot model: the median time to complete walks completions in duration order
            // (a few ms however many fall in the range) instead of sorting every completion in the range.
            migrationBuilder.Sql(
                "CREATE INDEX \"IX_ResetRequests_TimeToComplete\" ON \"ResetRequests\" ((\"CompletedAt\" - \"CreatedAt\"), \"CompletedAt\") WHERE \"CompletedAt\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_ResetRequests_TimeToComplete\";");

            migrationBuilder.DropIndex(
                name: "IX_ResetRequests_CompletedAt_CreatedAt",
                table: "ResetRequests");
        }
    }
}
