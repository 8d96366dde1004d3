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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResetRequests_CompletedAt_CreatedAt",
                table: "ResetRequests");
        }
    }
}
