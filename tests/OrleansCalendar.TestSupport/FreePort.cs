using System.Net;
using System.Net.Sockets;

namespace OrleansCalendar.TestSupport;

public static class FreePort
{
    /// <summary>A currently free loopback TCP port (the OS picks it, so parallel tests do not collide).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
