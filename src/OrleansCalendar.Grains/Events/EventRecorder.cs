using System.Runtime.ExceptionServices;
using Orleans.Core;
using OrleansCalendar.Abstractions.Events;
using OrleansCalendar.Grains.Storage;

namespace OrleansCalendar.Grains.Events;

/// <summary>
/// What a producing grain uses to emit events with its changes, the equivalent of an outbox in the same write:
/// <list type="number">
/// <item>the producer changes its state, including the next sequence number, and builds the event from it;</item>
/// <item><see cref="WriteAsync"/> prepares the event with the sub-account's publisher (durable there), then writes the
/// producer's state, then commits the event when it is stored or aborts it when it certainly is not;</item>
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

    /// <summary>
    /// Writes <paramref name="state"/> (with <see cref="StateWrites.TryWriteAsync"/>) with <paramref name="event"/>
    /// recorded around it. A prepare that fails counts as a write that certainly failed: memory is reloaded.
    /// <paramref name="isThisWrite"/> as for <see cref="StateWrites.TryWriteAsync"/>.
    /// </summary>
    public async Task<WriteAttempt> WriteAsync<T>(CalendarEvent? @event, IStorage<T> state, IGrainBase grain, Action? reloaded = null, Func<T, bool>? isThisWrite = null)
    {
        if (@event is null)
        {
            return await state.TryWriteAsync(grain, reloaded, isThisWrite);
        }

        var publisher = grains.GetGrain<IEventPublisherGrain>(subAccountId);
        bool recorded;
        try
        {
            recorded = await publisher.PrepareAsync([@event]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return await NothingWrittenAsync(state, grain, reloaded, ExceptionDispatchInfo.Capture(e));
        }

        WriteAttempt attempt;
        _writing = @event.Sequence;
        try
        {
            attempt = await state.TryWriteAsync(grain, reloaded, isThisWrite);
        }
        finally
        {
            _writing = null;
        }

        if (recorded && attempt.Outcome != WriteOutcome.Unknown)
        {
            (attempt.Stored ? publisher.CommitAsync([@event.Id]) : publisher.AbortAsync([@event.Id])).Ignore();
        }

        return attempt;
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
