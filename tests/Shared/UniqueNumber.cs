namespace DanVan.Testing;

/// <summary>
/// Numbers no other test of this process gets: for document numbers, codes and titles that tests look up again.
/// Random draws in a small range collided now and then (two tests registering "1234/KH-UBND" in one database).
/// </summary>
public static class UniqueNumber
{
    private static int last = Random.Shared.Next(100, 900) * 1000;

    public static int Next() => Interlocked.Increment(ref last);

    public static string Text() => Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
