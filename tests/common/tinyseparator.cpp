#include "tinyseparator.h"

#include <QFile>

#include <torch/script.h>
#include <torch/torch.h>

namespace tastelab::test {

QString writeTinySeparator(const QString &dir, int sources, const QString &manifestSources)
{
    torch::manual_seed(1);
    torch::jit::Module m("TinySeparator");
    m.register_parameter("weight", torch::randn({sources, 1, 9}) * 0.2, false);
    m.define(R"(
def forward(self, x):
    return torch.conv1d(x, self.weight, None, 1, 4)
)");
    m.save(QFile::encodeName(dir + "/tiny.pt").toStdString());
    const QString manifest = dir + "/tiny.json";
    QFile f(manifest);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write(QStringLiteral(R"({"name": "tiny-separator", "version": "1", "model": "tiny.pt", "sample_rate": 16000,
"channels": 1, "sources": [%1]})")
                .arg(manifestSources)
                .toUtf8());
    return manifest;
}

} // namespace tastelab::test
