using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortalApp.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResetRequestClientKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientKey",
                table: "ResetRequests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResetRequests_ClientKey_CreatedAt",
                table: "ResetRequests",
                columns: new[] { "ClientKey", "CreatedAt" });

            // IPv4 keys are the address itself (IPv4-mapped IPv6 counts as IPv4); earlier IPv6 requests keep no key and
            // so count towards no limit: at most one PasswordReset:IpWindow after the upgrade.
            migrationBuilder.Sql("UPDATE \"ResetRequests\" SET \"ClientKey\" = \"IpAddress\" WHERE \"IpAddress\" NOT LIKE '%:%';");
            migrationBuilder.Sql("UPDATE \"ResetRequests\" SET \"ClientKey\" = substr(\"IpAddress\", 8) WHERE \"IpAddress\" LIKE '::ffff:%.%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResetRequests_ClientKey_CreatedAt",
                table: "ResetRequests");

            migrationBuilder.DropColumn(
                name: "ClientKey",
                table: "ResetRequests");
        }
    }
}
