-- A second LSP client for the language server: Neovim 0.7's built-in client (vim.lsp.start_client,
-- as vim.lsp.start arrived only in 0.8). Run by test/lsp/neovim.test.ts as
--   nvim --headless --clean -c 'luafile test/lsp/neovim.lua'
-- with PM_NVIM_SERVER (dist/server.js), PM_NVIM_FILE (a markdown file to open), PM_NVIM_OUT
-- (where to write the results as JSON) and PM_NVIM_LINE (1-based line for the completion request).
-- Whatever happens, it writes PM_NVIM_OUT and quits: a headless Neovim with an error would wait.
local out = { ok = false, diagnostics = {}, log = {} }

local function note(msg)
  table.insert(out.log, msg)
end

local function finish()
  local f = io.open(vim.env.PM_NVIM_OUT, 'w')
  if f then
    f:write(vim.fn.json_encode(out))
    f:close()
  end
  vim.cmd('qall!')
end

local function main()
  local server = assert(vim.env.PM_NVIM_SERVER, 'PM_NVIM_SERVER is not set')
  local file = assert(vim.env.PM_NVIM_FILE, 'PM_NVIM_FILE is not set')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'markdown' -- the languageId of didOpen
  local bufnr = vim.api.nvim_get_current_buf()

  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'postmortem',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)

  local initialized = vim.wait(20000, function()
    return client.initialized == true or exited ~= nil
  end, 20)
  assert(initialized and exited == nil, 'the server did not initialize' .. (exited and (' (exited with ' .. tostring(exited.code) .. ')') or ''))
  out.completionProvider = client.server_capabilities.completionProvider ~= nil

  -- Diagnostics: published by the server after didOpen.
  local got = vim.wait(20000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  note('diagnostics arrived: ' .. tostring(got))
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out.diagnostics, {
      line = d.lnum, -- 0-based
      col = d.col,
      severity = d.severity,
      source = d.source,
      code = d.code or lsp.code,
      message = d.message,
    })
  end

  -- Completion, sent straight to the client (buf_request would skip a server that does not
  -- advertise completion): the request must come back without an error.
  local line = tonumber(vim.env.PM_NVIM_LINE or '1')
  local text = vim.api.nvim_buf_get_lines(bufnr, line - 1, line, false)[1] or ''
  vim.api.nvim_win_set_cursor(0, { line, #text })
  local params = vim.lsp.util.make_position_params()
  local response, err = client.request_sync('textDocument/completion', params, 10000, bufnr)
  if response == nil then
    out.completion = { timeout = true, error = tostring(err) }
  else
    local result = response.result
    local items = nil
    if type(result) == 'table' then
      items = result.items or result
    end
    out.completion = {
      error = response.err,
      isNull = result == nil or result == vim.NIL,
      isList = type(result) == 'table' and (vim.tbl_islist(result) or type(result.items) == 'table'),
      count = items and #items or 0,
      labels = {},
    }
    for i, item in ipairs(items or {}) do
      if i > 20 then break end
      table.insert(out.completion.labels, item.label)
    end
  end

  client.stop()
  vim.wait(3000, function()
    return exited ~= nil
  end, 20)
  out.exit = exited
  out.ok = true
end

local ok, e = pcall(main)
if not ok then
  out.error = tostring(e)
end
finish()
