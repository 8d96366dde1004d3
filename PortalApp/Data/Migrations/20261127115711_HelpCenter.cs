using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortalApp.Data.Migrations
{
    /// <inheritdoc />
    public partial class HelpCenter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HelpArticles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    BodyText = table.Column<string>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpfulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NotHelpfulCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpVideos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    VideoPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ThumbnailPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpVideos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportRequests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "HelpArticleVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpArticleVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpArticleVotes_HelpArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "HelpArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HelpArticles_Slug",
                table: "HelpArticles",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpArticles_State_Category",
                table: "HelpArticles",
                columns: new[] { "State", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpArticles_State_HelpfulCount",
                table: "HelpArticles",
                columns: new[] { "State", "HelpfulCount" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpArticleVotes_ArticleId_VoterKey",
                table: "HelpArticleVotes",
                columns: new[] { "ArticleId", "VoterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpVideos_Key",
                table: "HelpVideos",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Status_CreatedAt",
                table: "SupportRequests",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_UserId_CreatedAt",
                table: "SupportRequests",
                columns: new[] { "UserId", "CreatedAt" });

            // Full-text index over the articles (SQLite FTS5, external content), kept in sync by triggers.
            // Only the searchable columns fire the update trigger, so helpful votes don't rewrite the index.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE HelpArticleSearch USING fts5(
                    Title, Tags, Summary, BodyText,
                    content='HelpArticles', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2',
                    prefix='2 3 4');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER HelpArticles_SearchInsert AFTER INSERT ON HelpArticles BEGIN
                    INSERT INTO HelpArticleSearch(rowid, Title, Tags, Summary, BodyText)
                    VALUES (new.Id, new.Title, new.Tags, new.Summary, new.BodyText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER HelpArticles_SearchDelete AFTER DELETE ON HelpArticles BEGIN
                    INSERT INTO HelpArticleSearch(HelpArticleSearch, rowid, Title, Tags, Summary, BodyText)
                    VALUES ('delete', old.Id, old.Title, old.Tags, old.Summary, old.BodyText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER HelpArticles_SearchUpdate AFTER UPDATE OF Title, Tags, Summary, BodyText ON HelpArticles BEGIN
                    INSERT INTO HelpArticleSearch(HelpArticleSearch, rowid, Title, Tags, Summary, BodyText)
                    VALUES ('delete', old.Id, old.Title, old.Tags, old.Summary, old.BodyText);
                    INSERT INTO HelpArticleSearch(rowid, Title, Tags, Summary, BodyText)
                    VALUES (new.Id, new.Title, new.Tags, new.Summary, new.BodyText);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS HelpArticles_SearchUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS HelpArticles_SearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS HelpArticles_SearchInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS HelpArticleSearch;");

            migrationBuilder.DropTable(
                name: "HelpArticleVotes");

            migrationBuilder.DropTable(
                name: "HelpVideos");

            migrationBuilder.DropTable(
                name: "SupportRequests");

            migrationBuilder.DropTable(
                name: "HelpArticles");
        }
    }
}
