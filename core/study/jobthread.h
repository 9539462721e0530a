#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>

namespace tastelab {

/// The worker-thread pattern shared by the background services (import, extraction, ...): one
/// QThread owned by the service, a worker object living on it, job ids so that a newer job
/// supersedes an older one (whose results are dropped), and a cancel flag checked by the job.
///
/// A service derives from JobThread, calls submit() with the job's body (run on the worker
/// thread) and, from the body, deliver() to run code on the service's own thread: a delivery of a
/// superseded job is dropped there.
class JobThread : public QObject {
    Q_OBJECT
public:
    explicit JobThread(const QString &threadName, QObject *parent = nullptr);
    /// Supersedes and cancels the running job and waits for the thread to end.
    ~JobThread() override;

    /// Asks the running job to stop at its next check. Any thread.
    void cancel() { m_cancel.store(true); }
    bool isRunning() const { return m_running; }

protected:
    /// Starts body(jobId) on the worker thread and returns the new job id.
    quint64 submit(std::function<void(quint64 jobId)> body);
    /// True while jobId is the latest job and no cancel was asked. Any thread.
    bool shouldContinue(quint64 jobId) const { return m_latestJob.load() == jobId && !m_cancel.load(); }
    /// Runs f on this object's thread unless jobId has been superseded by then. last marks the
    /// job's final delivery (isRunning() turns false before f runs).
    void deliver(quint64 jobId, std::function<void()> f, bool last = false);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;
    std::atomic<quint64> m_latestJob{0};
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
};

/// Lets progress through at most every intervalMs (and always the final one).
class ProgressThrottle {
public:
    explicit ProgressThrottle(int intervalMs = 100) : m_interval(intervalMs) { m_timer.start(); }
    bool due(bool final = false)
    {
        if (!final && m_timer.elapsed() < m_interval)
            return false;
        m_timer.restart();
        return true;
    }

private:
    QElapsedTimer m_timer;
    int m_interval;
};

} // namespace tastelab
