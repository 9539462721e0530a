#include "study/jobthread.h"

namespace tastelab {

JobThread::JobThread(const QString &threadName, QObject *parent) : QObject(parent), m_worker(new QObject)
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(threadName);
    m_thread.start();
}

JobThread::~JobThread()
{
    m_latestJob.store(~quint64(0));
    m_cancel.store(true);
    m_thread.quit();
    m_thread.wait();
}

quint64 JobThread::submit(std::function<void(quint64)> body)
{
    const quint64 jobId = m_latestJob.load() + 1;
    m_latestJob.store(jobId);
    m_cancel.store(false);
    m_running = true;
    QMetaObject::invokeMethod(m_worker, [jobId, body = std::move(body)] { body(jobId); }, Qt::QueuedConnection);
    return jobId;
}

void JobThread::deliver(quint64 jobId, std::function<void()> f, bool last)
{
    // Queued to this object: if it is destroyed first, Qt drops the call.
    QMetaObject::invokeMethod(
        this,
        [this, jobId, last, f = std::move(f)] {
            if (jobId != m_latestJob.load())
                return; // superseded
            if (last)
                m_running = false;
            f();
        },
        Qt::QueuedConnection);
}

} // namespace tastelab
