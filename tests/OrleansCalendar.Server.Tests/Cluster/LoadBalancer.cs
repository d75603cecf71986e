using System.Net.Sockets;

namespace OrleansCalendar.Server.Tests.Cluster;

/// <summary>
/// What any HTTP load balancer in front of the silos does, in the test process: round-robin over the backends
/// whose <c>/health/ready</c> answered 200 at the last check (every 200 ms), and a request that could not even
/// connect goes to the next backend (safe: nothing was sent). A request that was sent is never resent here; an
/// answer or a failure goes back to the caller as it is. When no backend is ready (storage down for all of them) it
/// fails open like the common cloud balancers: requests go to all backends, so clients get the servers' own answers.
/// </summary>
public sealed class LoadBalancer : DelegatingHandler
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();
    private readonly Dictionary<Uri, bool> _backends = [];
    private readonly HttpClient _health = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(1) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _checks;
    private int _next;

    public LoadBalancer() : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        _checks = Task.Run(CheckLoopAsync);
    }

    /// <summary>The address requests are written against; the balancer replaces it with a backend's.</summary>
    public static Uri Address { get; } = new("http://balancer.invalid");

    /// <summary>Adds a backend; it receives traffic once its readiness check passes.</summary>
    public void Add(Uri backend)
    {
        lock (_lock)
        {
            _backends.TryAdd(backend, false);
        }
    }

    public void Remove(Uri backend)
    {
        lock (_lock)
        {
            _backends.Remove(backend);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var tried = new HashSet<Uri>();
        while (true)
        {
            var backend = Pick(tried) ?? throw new HttpRequestException($"No ready backend for {request.Method} {path}.");
            tried.Add(backend);
            request.RequestUri = new Uri(backend, path);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                MarkDown(backend);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            _checks.Wait(TimeSpan.FromSeconds(5));
            _health.Dispose();
            _stop.Dispose();
        }

        base.Dispose(disposing);
    }

    private Uri? Pick(HashSet<Uri> tried)
    {
        lock (_lock)
        {
            var untried = _backends.Where(b => !tried.Contains(b.Key)).ToList();
            var candidates = (_backends.Values.Any(ready => ready) ? untried.Where(b => b.Value) : untried).Select(b => b.Key).ToList();
            return candidates.Count == 0 ? null : candidates[(int)((uint)Interlocked.Increment(ref _next) % candidates.Count)];
        }
    }

    private void MarkDown(Uri backend)
    {
        lock (_lock)
        {
            if (_backends.ContainsKey(backend))
            {
                _backends[backend] = false;
            }
        }
    }

    private async Task CheckLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Uri[] backends;
            lock (_lock)
            {
                backends = [.. _backends.Keys];
            }

            var results = await Task.WhenAll(backends.Select(async b => (Backend: b, Ready: await IsReadyAsync(b))));
            lock (_lock)
            {
                foreach (var (backend, ready) in results.Where(r => _backends.ContainsKey(r.Backend)))
                {
                    _backends[backend] = ready;
                }
            }

            try
            {
                await Task.Delay(CheckInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> IsReadyAsync(Uri backend)
    {
        try
        {
            using var response = await _health.GetAsync(new Uri(backend, "/health/ready"), _stop.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
