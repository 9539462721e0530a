#!/usr/bin/python3
"""Embeds WAV files with an exported encoder (manifest + TorchScript) in Python.

The reference for Tastelab's C++ encoder: same windows, same pooling (see common.py). Use it to
check that an encoder you exported gives the same vectors in the app as in PyTorch.

Example:
  /usr/bin/python3 models/export/embed_reference.py --manifest models/clmr-samplecnn.json \
      --audio a.wav --audio b.wav --out reference.json
writes {"files": [...], "embeddings": [[...], ...]}. The WAV files must be 16-bit PCM at the
encoder's sample rate and channel count.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402  (after the path tweak)

import torch  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", required=True, help="encoder manifest (.json)")
    parser.add_argument("--audio", required=True, action="append", help="16-bit WAV file (repeatable)")
    parser.add_argument("--out", required=True, help="JSON file to write")
    args = parser.parse_args()

    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest.setdefault("hop_samples", manifest["window_samples"])
    manifest.setdefault("pooling", "mean")
    model_path = os.path.join(os.path.dirname(os.path.abspath(args.manifest)), manifest["model"])
    module = torch.jit.load(model_path, map_location="cpu")
    module.eval()

    clips = []
    for path in args.audio:
        rate, audio = common.read_wav(path)
        if rate != manifest["sample_rate"] or audio.shape[0] != manifest["channels"]:
            raise SystemExit(f"{path}: is {rate} Hz with {audio.shape[0]} channel(s); the encoder expects "
                             f"{manifest['sample_rate']} Hz with {manifest['channels']} channel(s)")
        clips.append(audio)
    vectors = common.embed_clips(module, clips, manifest["window_samples"], manifest["hop_samples"],
                                 manifest["pooling"])
    embeddings = [[float(x) for x in vector] for vector in vectors]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"files": args.audio, "embeddings": embeddings}, f)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
