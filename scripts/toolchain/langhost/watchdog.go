package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
)

// How often the engine is checked. Upstream plugins check every few minutes; a killed `pulumi up`
// must not leave a program polling the cloud API that long.
const engineCheckInterval = 1 * time.Second

// How long a program gets to stop after SIGTERM before it is killed.
const programStopGrace = 3 * time.Second

// watchEngine returns a context that ends when the engine is gone: its gRPC health check fails (as
// upstream plugins check it), or this process was orphaned (the engine, our parent, died: we were
// re-parented).
func watchEngine(engineAddress string) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	if engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, engineAddress, engineCheckInterval, cancel); err != nil {
			fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: cannot watch the engine at %s: %v\n", engineAddress, err)
		}
	}
	parent := os.Getppid()
	go func() {
		ticker := time.NewTicker(engineCheckInterval / 4)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				if os.Getppid() != parent {
					cancel()
					return
				}
			}
		}
	}()
	return ctx
}

// runUntilGone runs cmd; if stop ends first, the program is stopped: SIGTERM, then SIGKILL after a
// grace period. The program stays in this process's group, the one the engine made for its plugin:
// the engine's own clean-up kills that whole group, and so does stopAll once the engine is gone.
func runUntilGone(cmd *exec.Cmd, stop <-chan struct{}) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-stop:
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-done:
		return err
	case <-time.After(programStopGrace):
		_ = cmd.Process.Kill()
		return <-done
	}
}

// stopAll ends this process and whatever is left in its process group (what the program
// started), when the engine made that group for it (as it does for every plugin).
func stopAll() {
	if syscall.Getpgrp() == os.Getpid() {
		_ = syscall.Kill(0, syscall.SIGKILL)
	}
	os.Exit(1)
}
