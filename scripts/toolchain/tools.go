//go:build tools

// Package toolchain pins the Pulumi CLI sources this project builds.
package toolchain

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
