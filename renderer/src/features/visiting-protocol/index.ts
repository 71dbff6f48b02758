// The visiting protocol's public entry: the door shows its text, the people register offers a copy.
export { ProtocolText } from './ProtocolText';
export { ProtocolCopyPanel } from './ProtocolCopyPanel';
