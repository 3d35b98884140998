# embed_text_file(INPUT OUTPUT SYMBOL): writes a C++ source defining
#   extern const char* const zorgsim::SYMBOL;  (the file's bytes, NUL-terminated)
# as a raw string literal split in chunks (compilers limit literal length).
function(embed_text_file input output symbol)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${input})
  file(READ ${input} content)
  string(LENGTH "${content}" len)
  set(chunks "")
  set(pos 0)
  while(pos LESS len)
    string(SUBSTRING "${content}" ${pos} 8000 piece)
    string(APPEND chunks "R\"zorgsim_embed(${piece})zorgsim_embed\"\n")
    math(EXPR pos "${pos} + 8000")
  endwhile()
  file(WRITE ${output}.tmp "// Generated from ${input} by cmake/EmbedFile.cmake. Do not edit.\n"
       "namespace zorgsim { extern const char* const ${symbol}; const char* const ${symbol} =\n${chunks};\n}\n")
  file(COPY_FILE ${output}.tmp ${output} ONLY_IF_DIFFERENT)
endfunction()
