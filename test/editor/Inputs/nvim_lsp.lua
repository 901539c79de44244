-- Neovim (0.7 and later) as escape-lsp's client: opens g:file, waits for the
-- diagnostics of didOpen, then, if g:append is set, appends it to the
-- buffer, saves (didSave) and waits for the diagnostics of the new text.
-- Writes each diagnostic, and its related information, to g:out.
local function wait_for(buf, count)
  return vim.wait(30000, function() return #vim.diagnostic.get(buf) >= count end, 50)
end

local function dump(buf, lines)
  local diagnostics = vim.diagnostic.get(buf)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)
  local severity = { "error", "warning", "information", "hint" }
  for _, d in ipairs(diagnostics) do
    table.insert(lines, string.format("%d:%d: %s [%s %s]: %s", d.lnum + 1, d.col + 1,
      severity[d.severity], d.source or "", d.code or "", d.message:gsub("\n", " | ")))
    local lsp = d.user_data and d.user_data.lsp or {}
    for _, r in ipairs(lsp.relatedInformation or {}) do
      table.insert(lines, string.format("  related %s:%d:%d: %s", vim.uri_to_fname(r.location.uri),
        r.location.range.start.line + 1, r.location.range.start.character + 1, r.message))
    end
  end
end

local lines = {}
local client = vim.lsp.start_client({ cmd = { vim.g.server }, root_dir = vim.g.root,
  on_exit = function(code) if code ~= 0 then table.insert(lines, "server exited " .. code) end end })
vim.cmd("edit " .. vim.g.file)
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)
if not wait_for(buf, 1) then table.insert(lines, "no diagnostics after didOpen") end
dump(buf, lines)
if vim.g.append then
  local before = #vim.diagnostic.get(buf)
  table.insert(lines, "-- after save")
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, vim.fn.readfile(vim.g.append))
  vim.cmd("write")
  if not wait_for(buf, before + 1) then table.insert(lines, "no new diagnostics after didSave") end
  dump(buf, lines)
end
vim.fn.writefile(lines, vim.g.out)
vim.lsp.stop_client(client)
vim.cmd("qall!")
