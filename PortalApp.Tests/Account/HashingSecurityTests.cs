using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>PBKDF2-HMAC-SHA512 at 210,000 iterations; a hash made with fewer is replaced at the next successful sign-in.</summary>
[Trait("Category", "Security")]
public sealed class HashingSecurityTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task SignIn_HashWithFewerIterations_IsRehashedWith210000()
    {
        var user = await TestUsers.CreateAsync(factory.Services, "rehash@example.com");
        var oldHasher = new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 }));
        var oldHash = oldHasher.HashPassword(user, TestUsers.Password);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, oldHash)));
        Assert.Equal(10_000, Iterations(oldHash));

        using var client = PortalSignIn.AnonymousClient(factory);
        var signIn = await StaticForm.SubmitAsync(client, "/Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = "rehash@example.com", ["Input.Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());
        Assert.NotEqual(oldHash, stored);
        Assert.Equal(210_000, Iterations(stored!));
        Assert.Equal(2, Prf(stored!)); // HMACSHA512
    }

    [Fact]
    public async Task NewAccount_Hash_Uses210000IterationsOfSha512()
    {
        var user = await TestUsers.CreateAsync(factory.Services, "fresh-hash@example.com");
        var stored = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());
        Assert.Equal(210_000, Iterations(stored!));
        Assert.Equal(2, Prf(stored!));
    }

    // Identity V3 format: 0x01 | PRF (uint32 BE) | iterations (uint32 BE) | salt length | salt | subkey.
    private static int Iterations(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    private static int Prf(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(1, 4));
}
