using System.Net;
using System.Net.Sockets;

namespace DanVan.Tests.Support;

/// <summary>
/// A loopback TCP relay to a server (PostgreSQL): <see cref="Stop"/> drops every connection and refuses new ones, as a
/// database restart does; <see cref="Start"/> serves again on the same port.
/// </summary>
public sealed class TcpProxy : IDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> connections = [];
    private TcpListener? listener;
    private CancellationTokenSource stopping = new();

    public TcpProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Port = Listen(0);
    }

    public int Port { get; }

    public void Stop()
    {
        stopping.Cancel();
        listener?.Stop();
        lock (connections)
        {
            foreach (var c in connections)
            {
                c.Dispose();
            }

            connections.Clear();
        }
    }

    public void Start()
    {
        stopping = new CancellationTokenSource();
        Listen(Port);
    }

    public void Dispose()
    {
        Stop();
        stopping.Dispose();
    }

    private int Listen(int port)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        var server = listener;
        var ct = stopping.Token;
        _ = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await server.AcceptTcpClientAsync(ct);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = RelayAsync(client, ct);
            }
        }, CancellationToken.None);
        return ((IPEndPoint)server.LocalEndpoint).Port;
    }

    private async Task RelayAsync(TcpClient client, CancellationToken ct)
    {
        var upstream = new TcpClient();
        lock (connections)
        {
            connections.Add(client);
            connections.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, ct);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // dropped: what a restarting server does to its clients
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}
