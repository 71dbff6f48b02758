// The disclosure log's public entry: every screen that lets a copy leave asks why through these.
export { DisclosureReasonDialog } from './DisclosureReasonDialog';
export { useDisclosure } from './useDisclosure';
export { SignedCopyPanel } from './SignedCopyPanel';
