using System.Net;
using System.Net.Sockets;

namespace OrleansCalendar.TestSupport;

public static class FreePort
{
    /// <summary>
    /// Below the operating system's ephemeral range (Linux: 32768–60999), so that no outgoing connection takes the
    /// port as its source port between this check and the listener's bind. A port the OS picked (bind to port 0)
    /// comes from that very range, and under a busy suite one was taken by a loopback connection before the server
    /// bound it ("address already in use").
    /// </summary>
    private const int First = 20000;
    private const int End = 32000;

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A currently free loopback TCP port, never handed out before by this process.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Random.Shared.Next(First, End);
                if (HandedOut.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
