using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>
/// "Resend confirmation" hands the address to a background worker, like the forgot form does, so the request does
/// the same work for every address: no lookup, token or email in the request path, and no timing to read.
/// Bounded: a flood drops new requests rather than growing memory (the rate limiter stops floods first).
/// </summary>
public sealed class ConfirmationResendQueue
{
    private readonly Channel<string> channel = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(string email) => channel.Writer.TryWrite(email.Trim());

    internal ChannelReader<string> Reader => channel.Reader;
}
