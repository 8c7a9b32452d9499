// Types for Vite's module forms the playground uses (import.meta.glob, ?raw, ?worker).
/// <reference types="vite/client" />
