#!/bin/sh
# Writes failup's shell completion scripts into completions/, for the release
# archives and packages.
set -e
cd "$(dirname "$0")/.."
mkdir -p completions
for shell in bash zsh fish; do
	go run ./cmd/failup completion "$shell" >"completions/failup.$shell"
done
go run ./cmd/failup completion powershell >completions/failup.ps1
