#!/usr/bin/python3
"""Exports the music effects encoder (MEE, "FXencoder") to TorchScript plus a Tastelab manifest.

Architecture: rebuilt from jhtonyKoo/music_mixing_style_transfer (Koo et al., "Music Mixing Style
Transfer: A Contrastive Learning Approach to Disentangle Audio Effects", ICASSP 2023):
mixing_style_transfer/networks/architectures.py (class FXencoder), network_utils.py (Conv1d_layer,
Res_ConvBlock) and configs.yaml (Effects_Encoder/default), with the same module names so that the
published FXencoder checkpoint loads unchanged:

  input [batch, 2, samples] (stereo, 44.1 kHz)
  12 residual blocks; block i maps channels c[i] -> c[i+1] with
      c = 2, 16, 32, 64, 128, 256, 256, 512, 512, 1024, 1024, 2048, 2048
      kernel = 25, 25, 15, 15, 10, 10, 10, 10, 5, 5, 5, 5
      stride = 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1
    each block: y = conv1(x) + x; out = conv2(y), where conv1 keeps c[i] channels (stride 1) and
    conv2 goes to c[i+1] with the block's stride; each conv is ReflectionPad1d("SAME": (k-1)//2
    left, the rest right) -> Conv1d (bias) -> BatchNorm1d -> ReLU
  global average pooling over time -> [batch, 2048]

The repository's inference script (inference/feature_extraction.py) cuts songs into 10-second
segments (441000 samples) and averages the segment embeddings: the defaults here (window 10 s,
hop 10 s, mean pooling) do the same, except that Tastelab ends a clip with a window aligned to its
end instead of a zero-padded one. Checkpoints keep their weights under "model" with DDP's
"module." prefix; both are handled.

Caveat: the thesis Tastelab follows describes its MEE as self-supervised on MTG-Jamendo (55k tracks),
while the public FXencoder checkpoint was trained on MUSDB18. The architecture above is the one in
the public repository; whether the thesis's checkpoint used exactly this configuration could not be
verified.

Examples:
  /usr/bin/python3 models/export/mee.py --checkpoint FXencoder_ps.pt --out models/
  /usr/bin/python3 models/export/mee.py --random-weights --seed 1 --window-seconds 1 --out /tmp/enc
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402  (after the path tweak)

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

SAMPLE_RATE = 44100
CHANNELS = [16, 32, 64, 128, 256, 256, 512, 512, 1024, 1024, 2048, 2048]
KERNELS = [25, 25, 15, 15, 10, 10, 10, 10, 5, 5, 5, 5]
STRIDES = [4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1]
EMBEDDING_SIZE = CHANNELS[-1]


class ConvLayer(nn.Module):
    """network_utils.Conv1d_layer, mode "conv", padding "SAME": pad -> conv -> batch norm -> ReLU."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1):
        super().__init__()
        pad = kernel_size - 1
        self.conv1d = nn.Sequential()
        self.conv1d.add_module("conv1d_pad", nn.ReflectionPad1d((pad // 2, pad - pad // 2)))
        self.conv1d.add_module("conv1d", nn.Conv1d(in_channels, out_channels, kernel_size, stride=stride, padding=0))
        self.conv1d.add_module("batch_norm", nn.BatchNorm1d(out_channels))
        self.conv1d.add_module("relu", nn.ReLU())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv1d(x)


class ResConvBlock(nn.Module):
    """network_utils.Res_ConvBlock (dimension 1): the input is added after the first conv."""

    def __init__(self, in_channels, out_channels, kernel_size, stride):
        super().__init__()
        self.conv1 = ConvLayer(in_channels, in_channels, kernel_size)
        self.conv2 = ConvLayer(in_channels, out_channels, kernel_size, stride=stride)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv2(self.conv1(x) + x)


class FXencoder(nn.Module):
    """[batch, 2, samples] -> [batch, 2048]."""

    def __init__(self):
        super().__init__()
        channels = [2] + CHANNELS
        self.encoder = nn.Sequential(*[
            ResConvBlock(channels[i], channels[i + 1], KERNELS[i], STRIDES[i]) for i in range(len(KERNELS))
        ])
        self.glob_pool = nn.AdaptiveAvgPool1d(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.glob_pool(self.encoder(x)).squeeze(-1)


def min_window():
    """Shortest input that every reflection pad accepts (its input must be longer than the pad)."""
    for samples in range(1, 100000):
        length, ok = samples, True
        for kernel, stride in zip(KERNELS, STRIDES):
            pad = kernel - 1
            if length <= pad - pad // 2:
                ok = False
                break
            length = (length + pad - kernel) // stride + 1
        if ok:
            return samples
    raise AssertionError("unreachable")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    common.add_common_arguments(parser, "mee")
    parser.add_argument("--window-seconds", type=float, default=10.0,
                        help="analysis window in seconds (default 10, as in the repository's inference script)")
    parser.add_argument("--hop-seconds", type=float,
                        help="hop between windows in seconds (default: the window, no overlap)")
    args = parser.parse_args()
    window = int(round(args.window_seconds * SAMPLE_RATE))
    hop = int(round((args.hop_seconds or args.window_seconds) * SAMPLE_RATE))
    if window < min_window():
        parser.error(f"--window-seconds is too short; the encoder needs at least {min_window()} samples")
    if not 1 <= hop <= window:
        parser.error("--hop-seconds must be positive and at most --window-seconds")

    torch.manual_seed(args.seed)
    model = FXencoder()
    if args.random_weights:
        common.randomize(model, args.seed, (2, 2, window))
    else:
        common.load_checkpoint(args.checkpoint, model)
    model.eval()

    random = args.random_weights
    manifest = {
        "version": common.weights_version(args),
        "sample_rate": SAMPLE_RATE,
        "channels": 2,
        "window_samples": window,
        "hop_samples": hop,
        "pooling": args.pooling,
        "embedding_size": EMBEDDING_SIZE,
        "licence": args.licence or ("n/a (random weights)" if random else
                                    "unknown: jhtonyKoo/music_mixing_style_transfer states no licence; "
                                    "ask the authors before sharing"),
        "source": "random weights (tests only)" if random else
                  "FXencoder, github.com/jhtonyKoo/music_mixing_style_transfer, checkpoint "
                  + os.path.basename(args.checkpoint),
        "description": "Music effects encoder (Koo et al. 2023), 2048 values per stereo 44.1 kHz window"
                       + (" -- RANDOM WEIGHTS, for tests only" if random else ""),
    }
    common.export(model, args, manifest)
    common.write_reference(model, args, manifest)


if __name__ == "__main__":
    main()
