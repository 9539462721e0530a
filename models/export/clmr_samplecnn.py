#!/usr/bin/python3
"""Exports CLMR's SampleCNN encoder to TorchScript plus a Tastelab manifest.

Architecture: rebuilt from Spijkervet/CLMR, clmr/models/sample_cnn.py (CLMR v2), with the same
module names so that CLMR checkpoints load unchanged:

  sequential.0   Conv1d(1, 128, kernel 3, stride 3) -> BatchNorm1d -> ReLU
  sequential.1-9 Conv1d(h_in, h_out, kernel 3, stride 1, padding 1) -> BatchNorm1d -> ReLU
                 -> MaxPool1d(3, stride 3), with (h_in, h_out) = (128,128) (128,128) (128,256)
                 (256,256) x5 (256,512)
  sequential.10  Conv1d(512, 512, kernel 3, padding 1) -> BatchNorm1d -> ReLU
  then the [batch, 512, 1] output is flattened to [batch, 512].

The input is 59049 = 3^10 samples of mono audio, which the strided front end and the nine
max-pools reduce to one frame. CLMR's encoder ends in a Linear "fc" layer; for contrastive
pre-training CLMR replaces it by an identity and reads the 512 values before it, which is what this
module returns (the "fc.*" keys of a checkpoint are ignored).

Sample rate: the thesis Tastelab follows fed CLMR 16 kHz audio (the default here); CLMR's own
config/config.yaml uses 22,050 Hz. Pass the rate the checkpoint was trained at with --sample-rate
(look at the hparams file shipped with the checkpoint).

Examples:
  /usr/bin/python3 models/export/clmr_samplecnn.py --checkpoint clmr_checkpoint_10000.pt --out models/
  /usr/bin/python3 models/export/clmr_samplecnn.py --random-weights --seed 1 --out /tmp/enc
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402  (after the path tweak)

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

WINDOW_SAMPLES = 59049  # 3 ** 10
EMBEDDING_SIZE = 512


class SampleCNN(nn.Module):
    """CLMR's SampleCNN encoder without its final fc layer: [batch, 1, 59049] -> [batch, 512]."""

    def __init__(self):
        super().__init__()
        layers = [nn.Sequential(
            nn.Conv1d(1, 128, kernel_size=3, stride=3, padding=0),
            nn.BatchNorm1d(128),
            nn.ReLU(),
        )]
        hidden = [(128, 128), (128, 128), (128, 256), (256, 256), (256, 256), (256, 256), (256, 256),
                  (256, 256), (256, 512)]
        strides = [3] * len(hidden)
        for stride, (h_in, h_out) in zip(strides, hidden):
            layers.append(nn.Sequential(
                nn.Conv1d(h_in, h_out, kernel_size=stride, stride=1, padding=1),
                nn.BatchNorm1d(h_out),
                nn.ReLU(),
                nn.MaxPool1d(stride, stride=stride),
            ))
        layers.append(nn.Sequential(
            nn.Conv1d(512, 512, kernel_size=3, stride=1, padding=1),
            nn.BatchNorm1d(512),
            nn.ReLU(),
        ))
        self.sequential = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.sequential(x)
        return out.reshape(x.shape[0], out.size(1) * out.size(2))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    common.add_common_arguments(parser, "clmr-samplecnn")
    parser.add_argument("--sample-rate", type=int, default=16000,
                        help="rate of the audio the checkpoint expects (default 16000, as in the thesis)")
    parser.add_argument("--hop-samples", type=int, default=WINDOW_SAMPLES,
                        help=f"hop between windows (default {WINDOW_SAMPLES}: no overlap)")
    args = parser.parse_args()
    if not 1 <= args.hop_samples <= WINDOW_SAMPLES:
        parser.error(f"--hop-samples must be from 1 to {WINDOW_SAMPLES}")

    torch.manual_seed(args.seed)
    model = SampleCNN()
    if args.random_weights:
        common.randomize(model, args.seed, (4, 1, WINDOW_SAMPLES))
    else:
        common.load_checkpoint(args.checkpoint, model)
    model.eval()

    random = args.random_weights
    manifest = {
        "version": common.weights_version(args),
        "sample_rate": args.sample_rate,
        "channels": 1,
        "window_samples": WINDOW_SAMPLES,
        "hop_samples": args.hop_samples,
        "pooling": args.pooling,
        "embedding_size": EMBEDDING_SIZE,
        "licence": args.licence or ("n/a (random weights)" if random else
                                    "see github.com/Spijkervet/CLMR (repository licence: MIT; check the release)"),
        "source": "random weights (tests only)" if random else
                  f"CLMR SampleCNN (github.com/Spijkervet/CLMR), checkpoint {os.path.basename(args.checkpoint)}",
        "description": "CLMR SampleCNN encoder (contrastive, raw waveform), 512 values per 59049-sample window"
                       + (" -- RANDOM WEIGHTS, for tests only" if random else ""),
    }
    common.export(model, args, manifest)
    common.write_reference(model, args, manifest)


if __name__ == "__main__":
    main()
