using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PortalApp.Data;

internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
