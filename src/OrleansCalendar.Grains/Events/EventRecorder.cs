using System.Runtime.ExceptionServices;
using Orleans.Core;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// What a producing grain uses to emit events with its changes, the equivalent of an outbox in the same write:
/// <list type="number">
/// <item>the producer changes its state, including the next sequence number, and builds the event from it;</item>
/// <item><c>WriteAsync</c> prepares the event with the sub-account's publisher (durable there), then writes the
/// producer's state, then commits the event when it is stored or aborts it when it certainly is not. A producer may
/// start the prepare earlier (<see cref="Prepare"/>), alongside the change's other writes, as long as its own write
/// waits for it;</item>
/// <item>a prepared event whose commit was lost (the producer died, or its write's outcome is unknown) is verified
/// later through <see cref="FateOf"/>.</item>
/// </list>
/// Sequence numbers have no gaps: a change that was not stored leaves memory as storage holds it, so the next change
/// reuses the number and its prepare replaces the stale event; after an unknown outcome the activation is dropped and
/// the next one starts from storage.
/// </summary>
public sealed class EventRecorder(IGrainFactory grains, string subAccountId)
{
    private long? _writing;
    private IEventPublisherGrain? _publisher;

    private IEventPublisherGrain Publisher => _publisher ??= grains.GetGrain<IEventPublisherGrain>(subAccountId);

    /// <summary>
    /// Starts preparing <paramref name="event"/> ahead of its change's write, so that the prepare can run alongside
    /// the change's other work (a booking's hold): the change then ends with <c>WriteAsync</c>,
    /// or, given up before its write, with <see cref="AbandonAsync"/>. From here on the change's fate is unknown.
    /// </summary>
    public Preparing Prepare(CalendarEvent? @event)
    {
        if (@event is null)
        {
            return default;
        }

        _writing = @event.Sequence;
        return new Preparing(@event, Publisher.PrepareAsync([@event]));
    }

    /// <summary>
    /// Writes <paramref name="state"/> (with <see cref="StateWrites.TryWriteAsync"/>) with <paramref name="event"/>
    /// recorded around it. A prepare that fails counts as a write that certainly failed: memory is reloaded.
    /// <paramref name="isThisWrite"/> as for <see cref="StateWrites.TryWriteAsync"/>.
    /// </summary>
    public Task<WriteAttempt> WriteAsync<T>(CalendarEvent? @event, IStorage<T> state, IGrainBase grain, Action? reloaded = null, Func<T, bool>? isThisWrite = null) =>
        WriteAsync(Prepare(@event), state, grain, reloaded, isThisWrite);

    /// <summary>As above, for an event whose prepare <see cref="Prepare"/> started: the write waits for it.</summary>
    public async Task<WriteAttempt> WriteAsync<T>(Preparing preparing, IStorage<T> state, IGrainBase grain, Action? reloaded = null, Func<T, bool>? isThisWrite = null)
    {
        if (preparing.Event is not { } @event)
        {
            return await state.TryWriteAsync(grain, reloaded, isThisWrite);
        }

        try
        {
            bool recorded;
            try
            {
                recorded = await preparing.Recorded!;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return await NothingWrittenAsync(state, grain, reloaded, ExceptionDispatchInfo.Capture(e));
            }

            var attempt = await state.TryWriteAsync(grain, reloaded, isThisWrite);
            if (recorded && attempt.Outcome != WriteOutcome.Unknown)
            {
                (attempt.Stored ? Publisher.CommitAsync([@event.Id]) : Publisher.AbortAsync([@event.Id])).Ignore();
            }

            return attempt;
        }
        finally
        {
            _writing = null;
        }
    }

    /// <summary>
    /// The change of a <see cref="Prepare"/>d event was given up before its write (memory never took it): waits for the
    /// prepare to end, so that the next change's prepare, which reuses the sequence, comes after it, then aborts it.
    /// </summary>
    public async Task AbandonAsync(Preparing preparing)
    {
        if (preparing.Event is not { } @event)
        {
            return;
        }

        try
        {
            if (await preparing.Recorded!)
            {
                Publisher.AbortAsync([@event.Id]).Ignore();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not recorded, or recorded with the answer lost: the publisher verifies it later and hears "aborted".
        }
        finally
        {
            _writing = null;
        }
    }

    /// <summary>The fate of change <paramref name="sequence"/> given the stored sequence (memory equals storage outside a write).</summary>
    public EventFate FateOf(long sequence, long storedSequence) =>
        _writing is { } writing && sequence >= writing ? EventFate.Unknown
        : sequence <= storedSequence ? EventFate.Committed
        : EventFate.Aborted;

    private static async Task<WriteAttempt> NothingWrittenAsync<T>(IStorage<T> state, IGrainBase grain, Action? reloaded, ExceptionDispatchInfo failure)
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            grain.DeactivateOnIdle();
            return new WriteAttempt(WriteOutcome.Unknown, failure);
        }

        reloaded?.Invoke();
        return new WriteAttempt(WriteOutcome.NotStored, failure);
    }
}

/// <summary>An event whose prepare is under way (<see cref="EventRecorder.Prepare"/>); default when the change has none.</summary>
public readonly record struct Preparing(CalendarEvent? Event, Task<bool>? Recorded);
